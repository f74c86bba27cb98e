package app.custodian.portal.boundary;

import app.custodian.platform.control.Page;
import app.custodian.platform.control.PageRequest;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A lazy table over a boundary's paged list: the table asks for the page it shows, so a long list
 * never loads whole. Sorting and filtering belong to the screen's own fields, not the table.
 */
public class PagedModel<T> extends LazyDataModel<T> {

  private static final long serialVersionUID = 1L;

  /** Reads one page; serializable because view-scoped screens are. */
  public interface Fetch<T> extends Function<PageRequest, Page<T>>, Serializable {}

  /** Names a row, for selection; serializable because view-scoped screens are. */
  public interface RowKey<T> extends Function<T, String>, Serializable {}

  private final Fetch<T> fetch;
  private final RowKey<T> rowKey;

  public PagedModel(Fetch<T> fetch, RowKey<T> rowKey) {
    this.fetch = fetch;
    this.rowKey = rowKey;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) fetch.apply(PageRequest.of(0, 1)).total();
  }

  @Override
  public List<T> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    int size = Math.min(Math.max(pageSize, 1), PageRequest.MAX_SIZE);
    Page<T> page = fetch.apply(PageRequest.of(first / size, size));
    setRowCount((int) page.total());
    return page.items();
  }

  @Override
  public String getRowKey(T row) {
    return rowKey.apply(row);
  }
}
