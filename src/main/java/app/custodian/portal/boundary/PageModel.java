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
 * A lazy {@code p:dataTable} model over a boundary list that answers {@link Page}s, as the API's
 * lists do: the table asks for the page it shows, never for the whole list.
 */
public class PageModel<T> extends LazyDataModel<T> {

  private static final long serialVersionUID = 1L;

  /** A boundary list call; serialisable because view-scoped beans hold it. */
  @FunctionalInterface
  public interface Source<T> extends Function<PageRequest, Page<T>>, Serializable {}

  /** The key of a row; serialisable for the same reason. */
  @FunctionalInterface
  public interface Key<T> extends Function<T, String>, Serializable {}

  private final Source<T> source;
  private final Key<T> key;

  public PageModel(Source<T> source, Key<T> key) {
    this.source = source;
    this.key = key;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) Math.min(Integer.MAX_VALUE, source.apply(new PageRequest(0, 1)).total());
  }

  @Override
  public List<T> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    int size = Math.max(1, Math.min(pageSize, PageRequest.MAX_SIZE));
    return source.apply(new PageRequest(first / size, size)).items();
  }

  @Override
  public String getRowKey(T row) {
    return key.apply(row);
  }
}
