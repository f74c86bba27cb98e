package app.custodian.disclosure.boundary;

import app.custodian.customer.boundary.web.CustomerDetailScreen;
import app.custodian.customer.entity.DataCategory;
import app.custodian.disclosure.entity.LegalBasis;
import app.custodian.platform.boundary.LocalCalendar;
import app.custodian.platform.boundary.web.PortalMessages;
import app.custodian.platform.control.PageRequest;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A customer's disclosure log on their page, and the form that records one, as {@code POST
 * /customers/{id}/disclosures}: the service checks the legal basis and the consent it needs.
 */
@Named
@ViewScoped
public class CustomerDisclosuresScreen implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject DisclosureService disclosures;
  @Inject CustomerDetailScreen detail;
  @Inject PortalMessages messages;
  @Inject LocalCalendar calendar;

  private List<DisclosureView> list;
  private String recipient;
  private String legalBasis;
  private List<String> dataCategories = new ArrayList<>();
  private String reference;
  private LocalDateTime disclosedAt;

  /** Oldest first, as the API lists them (its largest page). */
  public List<DisclosureView> getList() {
    if (list == null) {
      list =
          disclosures.ofCustomer(detail.getId(), PageRequest.of(0, PageRequest.MAX_SIZE)).items();
    }
    return list;
  }

  public void record() {
    DisclosureInput input = input();
    if (messages.valid(input)
        && messages.attempt(() -> disclosures.record(detail.getId(), input)).isPresent()) {
      messages.info("disclosures.recorded");
      clear();
    }
  }

  private DisclosureInput input() {
    DisclosureInput input = new DisclosureInput();
    input.recipient = recipient;
    input.legalBasis = legalBasis;
    input.dataCategories = List.copyOf(dataCategories);
    input.reference = reference == null || reference.isBlank() ? null : reference;
    input.disclosedAt = Objects.toString(calendar.instantOf(disclosedAt), null);
    return input;
  }

  private void clear() {
    list = null;
    recipient = null;
    legalBasis = null;
    dataCategories = new ArrayList<>();
    reference = null;
    disclosedAt = null;
  }

  public LegalBasis[] getLegalBases() {
    return LegalBasis.values();
  }

  public DataCategory[] getCategories() {
    return DataCategory.values();
  }

  public String getRecipient() {
    return recipient;
  }

  public void setRecipient(String recipient) {
    this.recipient = recipient;
  }

  public String getLegalBasis() {
    return legalBasis;
  }

  public void setLegalBasis(String legalBasis) {
    this.legalBasis = legalBasis;
  }

  public List<String> getDataCategories() {
    return dataCategories;
  }

  public void setDataCategories(List<String> dataCategories) {
    this.dataCategories = dataCategories;
  }

  public String getReference() {
    return reference;
  }

  public void setReference(String reference) {
    this.reference = reference;
  }

  public LocalDateTime getDisclosedAt() {
    return disclosedAt;
  }

  public void setDisclosedAt(LocalDateTime disclosedAt) {
    this.disclosedAt = disclosedAt;
  }
}
