package app.custodian.customer.boundary.web;

import app.custodian.customer.boundary.CustomerService;
import app.custodian.customer.boundary.CustomerView;
import app.custodian.platform.boundary.web.PagedModel;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.primefaces.component.datatable.DataTable;

/** Finding customers: exact email, exact phone or words of the name, as the API's search. */
@Named
@ViewScoped
public class CustomerListScreen implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CustomerService customers;

  private String query;
  private PagedModel<CustomerView> results;

  /** A new search starts at its first page. */
  public void search() {
    results = null;
    UIComponent table =
        FacesContext.getCurrentInstance().getViewRoot().findComponent("results:customers");
    if (table instanceof DataTable data) {
      data.setFirst(0);
    }
  }

  public PagedModel<CustomerView> getResults() {
    if (results == null) {
      String searched = query;
      results = new PagedModel<>(page -> customers.find(searched, page), CustomerView::id);
    }
    return results;
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }
}
