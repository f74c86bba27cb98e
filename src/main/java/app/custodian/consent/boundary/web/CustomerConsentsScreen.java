package app.custodian.consent.boundary.web;

import app.custodian.consent.boundary.ConsentChangeView;
import app.custodian.consent.boundary.ConsentHistoryItem;
import app.custodian.consent.boundary.ConsentInput;
import app.custodian.consent.boundary.ConsentService;
import app.custodian.consent.boundary.ConsentsView;
import app.custodian.consent.boundary.CurrentConsent;
import app.custodian.consent.entity.Purpose;
import app.custodian.customer.boundary.web.CustomerDetailScreen;
import app.custodian.platform.boundary.web.PortalMessages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * A customer's consents on their page: the state per purpose, the whole ledger, and a staff
 * member's record of a grant or a withdrawal, as {@code PUT /customers/{id}/consents/{purpose}}.
 */
@Named
@ViewScoped
public class CustomerConsentsScreen implements Serializable {

  private static final long serialVersionUID = 1L;
  static final String SOURCE = "portal";

  @Inject ConsentService consents;
  @Inject CustomerDetailScreen detail;
  @Inject PortalMessages messages;

  private ConsentsView view;
  private String policyVersion;
  private String evidence;

  /** One row per purpose, in the code's order. */
  public record Row(String purpose, CurrentConsent state) {}

  public List<Row> getCurrent() {
    ConsentsView loaded = view();
    return Arrays.stream(Purpose.values())
        .map(p -> new Row(p.name(), loaded.current().get(p.name())))
        .toList();
  }

  /** The purposes the customer consents to now: the count on the consents tab. */
  public long getGrantedCount() {
    return view().current().values().stream().filter(CurrentConsent::granted).count();
  }

  public List<ConsentHistoryItem> getHistory() {
    return view().history();
  }

  public void grant(String purpose) {
    record(purpose, true);
  }

  public void withdraw(String purpose) {
    record(purpose, false);
  }

  private void record(String purpose, boolean granted) {
    ConsentInput input = new ConsentInput();
    input.granted = granted;
    input.source = SOURCE;
    input.policyVersion = policyVersion;
    input.evidence = evidence;
    Purpose chosen = Purpose.parse(purpose).orElseThrow();
    if (messages.valid(input)) {
      messages
          .attempt(() -> consents.change(detail.getId(), chosen, input))
          .ifPresent(this::recorded);
    }
  }

  private void recorded(ConsentChangeView change) {
    if (change.applied()) {
      messages.info(change.granted() ? "consents.granted" : "consents.withdrawn", label(change));
    } else {
      messages.error("consents.notApplied", label(change), change.notAppliedReason());
    }
    evidence = null;
    view = null;
    detail.reload();
  }

  private String label(ConsentChangeView change) {
    return messages.text("consents.purpose." + change.purpose());
  }

  private ConsentsView view() {
    if (view == null) {
      view = consents.consents(detail.getId());
    }
    return view;
  }

  public String getPolicyVersion() {
    return policyVersion;
  }

  public void setPolicyVersion(String policyVersion) {
    this.policyVersion = policyVersion;
  }

  public String getEvidence() {
    return evidence;
  }

  public void setEvidence(String evidence) {
    this.evidence = evidence;
  }
}
