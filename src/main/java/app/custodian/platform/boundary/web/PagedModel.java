package app.custodian.platform.boundary.web;

import app.custodian.platform.control.Page;
import app.custodian.platform.control.PageRequest;
import jakarta.faces.context.FacesContext;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A lazy table over a boundary's paged list: the table asks for the page it shows, so a long list
 * never loads whole. The count the table asks for first comes from the page it then shows, so a
 * page is usually read (and, where reading is audited, audited) once per request. Sorting and
 * filtering belong to the screen's own fields, not the table.
 */
public class PagedModel<T> extends LazyDataModel<T> {

  private static final long serialVersionUID = 1L;
  static final int FIRST_PAGE_SIZE = 25;

  /** Reads one page; serializable because view-scoped screens are. */
  public interface Fetch<T> extends Function<PageRequest, Page<T>>, Serializable {}

  /** Names a row, for selection; serializable because view-scoped screens are. */
  public interface RowKey<T> extends Function<T, String>, Serializable {}

  private final Fetch<T> fetch;
  private final RowKey<T> rowKey;
  private transient Page<T> last;
  private transient FacesContext readIn;

  public PagedModel(Fetch<T> fetch, RowKey<T> rowKey) {
    this.fetch = fetch;
    this.rowKey = rowKey;
  }

  /** Counts with the page the table most likely shows next: the one it showed last. */
  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    PageRequest likely =
        last == null
            ? PageRequest.of(0, getPageSize() > 0 ? getPageSize() : FIRST_PAGE_SIZE)
            : new PageRequest(last.page(), last.size());
    return (int) read(likely).total();
  }

  @Override
  public List<T> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    int size = Math.min(Math.max(pageSize, 1), PageRequest.MAX_SIZE);
    Page<T> page = read(PageRequest.of(first / size, size));
    setRowCount((int) page.total());
    return page.items();
  }

  /** Reads a page once per request; a later request reads afresh, so changes always show. */
  private Page<T> read(PageRequest wanted) {
    FacesContext request = FacesContext.getCurrentInstance();
    boolean reusable =
        last != null
            && readIn == request
            && last.page() == wanted.page()
            && last.size() == wanted.size();
    if (!reusable) {
      last = fetch.apply(wanted);
      readIn = request;
    }
    return last;
  }

  @Override
  public String getRowKey(T row) {
    return rowKey.apply(row);
  }

  @Override
  public T getRowData(String key) {
    return last == null
        ? null
        : last.items().stream()
            .filter(row -> key.equals(rowKey.apply(row)))
            .findFirst()
            .orElse(null);
  }
}
