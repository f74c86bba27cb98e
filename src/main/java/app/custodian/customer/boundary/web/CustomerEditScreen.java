package app.custodian.customer.boundary.web;

import app.custodian.customer.boundary.CustomerFields;
import app.custodian.customer.boundary.CustomerService;
import app.custodian.customer.boundary.CustomerView;
import app.custodian.platform.boundary.web.PortalMessages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Creating a customer, or rectifying one ({@code ?id=}) through the same merge patch as {@code
 * PATCH /customers/{id}}. The form's fields carry the API's names, so errors sit beside them.
 */
@Named
@ViewScoped
public class CustomerEditScreen implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CustomerService customers;
  @Inject PortalMessages messages;

  private String id;
  private Map<String, String> original;
  private Map<String, String> fields = CustomerFields.blank();

  /** Reads the customer to edit (audited as a read); a new customer's form starts blank. */
  public void load() {
    if (id != null && !id.isBlank()) {
      messages.attempt(() -> customers.read(id)).ifPresent(this::show);
    }
  }

  private void show(CustomerView customer) {
    original = CustomerFields.of(customer);
    fields = new HashMap<>(original);
  }

  public String save() {
    if (!messages.valid(CustomerFields.input(fields))) {
      return null;
    }
    Optional<CustomerView> saved =
        messages.attempt(
            () ->
                isCreating()
                    ? customers.create(CustomerFields.input(fields))
                    : customers.rectify(id, CustomerFields.patch(original, fields)));
    return saved.map(this::toDetail).orElse(null);
  }

  private String toDetail(CustomerView customer) {
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    messages.info("common.saved");
    return "/customers/detail?faces-redirect=true&id=" + customer.id();
  }

  public boolean isCreating() {
    return original == null;
  }

  public boolean isFound() {
    return isCreating() == (id == null || id.isBlank());
  }

  public Map<String, String> getFields() {
    return fields;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }
}
