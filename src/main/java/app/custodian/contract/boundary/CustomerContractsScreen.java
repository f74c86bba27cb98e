package app.custodian.contract.boundary;

import app.custodian.customer.boundary.web.CustomerDetailScreen;
import app.custodian.platform.boundary.web.PortalMessages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * A customer's contracts on their page (read as {@code GET /customers/{id}/contracts}, audited) and
 * a new one, as {@code POST /customers/{id}/contracts}.
 */
@Named
@ViewScoped
public class CustomerContractsScreen implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject ContractService contracts;
  @Inject CustomerDetailScreen detail;
  @Inject PortalMessages messages;

  private List<ContractView> list;
  private String reference;
  private String service;
  private LocalDate startsOn;
  private LocalDate endsOn;

  public List<ContractView> getList() {
    if (list == null) {
      list = contracts.ofCustomer(detail.getId());
    }
    return list;
  }

  public void create() {
    ContractInput input = new ContractInput();
    input.reference = reference;
    input.service = service;
    input.startsOn = startsOn == null ? null : startsOn.toString();
    input.endsOn = endsOn == null ? null : endsOn.toString();
    if (messages.valid(input)
        && messages.attempt(() -> contracts.create(detail.getId(), input)).isPresent()) {
      messages.info("customers.contracts.created", input.reference.strip());
      list = null;
      reference = null;
      service = null;
      startsOn = null;
      endsOn = null;
    }
  }

  public String getReference() {
    return reference;
  }

  public void setReference(String reference) {
    this.reference = reference;
  }

  public String getService() {
    return service;
  }

  public void setService(String service) {
    this.service = service;
  }

  public LocalDate getStartsOn() {
    return startsOn;
  }

  public void setStartsOn(LocalDate startsOn) {
    this.startsOn = startsOn;
  }

  public LocalDate getEndsOn() {
    return endsOn;
  }

  public void setEndsOn(LocalDate endsOn) {
    this.endsOn = endsOn;
  }
}
