package app.custodian.customer.boundary;

import app.custodian.platform.control.Page;
import app.custodian.platform.control.PageRequest;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The customers a search finds, a page at a time. Every page read is a search of {@link
 * CustomerService#find}, audited there; the count the table asks for first comes from the page it
 * then shows, so a page is read once.
 */
public class CustomerResults extends LazyDataModel<CustomerView> {

  private static final long serialVersionUID = 1L;
  static final int FIRST_PAGE_SIZE = 20;

  private final transient BiFunction<String, PageRequest, Page<CustomerView>> find;
  private final String query;
  private transient Page<CustomerView> last;

  CustomerResults(BiFunction<String, PageRequest, Page<CustomerView>> find, String query) {
    this.find = find;
    this.query = query;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    if (last == null) {
      last =
          find.apply(query, PageRequest.of(0, getPageSize() > 0 ? getPageSize() : FIRST_PAGE_SIZE));
    }
    return (int) last.total();
  }

  @Override
  public List<CustomerView> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    PageRequest wanted = PageRequest.of(first / pageSize, pageSize);
    if (last == null || last.page() != wanted.page() || last.size() != wanted.size()) {
      last = find.apply(query, wanted);
    }
    setRowCount((int) last.total());
    return last.items();
  }

  @Override
  public String getRowKey(CustomerView customer) {
    return customer.id();
  }

  @Override
  public CustomerView getRowData(String rowKey) {
    return last == null
        ? null
        : last.items().stream().filter(c -> c.id().equals(rowKey)).findFirst().orElse(null);
  }
}
