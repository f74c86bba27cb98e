package app.custodian.customer.boundary.web;

import app.custodian.customer.boundary.CustomerService;
import app.custodian.customer.boundary.CustomerView;
import app.custodian.customer.boundary.LegalHoldInput;
import app.custodian.platform.boundary.web.JsonDownload;
import app.custodian.platform.boundary.web.PortalMessages;
import app.custodian.security.boundary.web.PortalSession;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.StreamedContent;

/**
 * One customer's record: the profile (read as {@code GET /customers/{id}}, audited), what was sent
 * to them, the legal hold, the export download and erasure. Consents, contracts, disclosures and
 * privacy requests have screens of their own on the same page, which take the customer's id from
 * this one. The page shows one tab at a time: {@code ?tab=} names it, so it opens without
 * JavaScript.
 */
@Named
@ViewScoped
public class CustomerDetailScreen implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The page's tabs, in their order; the first opens when the address names none. */
  static final List<String> TABS =
      List.of("profile", "consents", "contracts", "messages", "disclosures", "requests");

  @Inject CustomerService customers;
  @Inject PortalMessages messages;
  @Inject PortalSession session;

  private String id;
  private String tab;
  private CustomerView customer;
  // loaded again when needed after a failover: its rows are each feature's own types
  private transient Map<String, List<?>> correspondence;
  private String holdReason;
  private String holdReasonOnFile;

  public void load() {
    customer = messages.attempt(() -> customers.read(id)).orElse(null);
    holdReasonOnFile =
        customer != null && customer.legalHold()
            ? customers.legalHoldReason(id).orElse(null)
            : null;
  }

  /** Shows the record again after a change made on this page. */
  public void reload() {
    load();
    correspondence = null;
  }

  /** The messages sent, by section: {@code messages}, {@code renewalReminders}, {@code notices}. */
  public Map<String, List<?>> getCorrespondence() {
    if (correspondence == null && customer != null) {
      correspondence = customers.correspondence(id);
    }
    return correspondence;
  }

  /** The same JSON document as {@code GET /customers/{id}/export}, audited as an export. */
  public StreamedContent getExport() {
    return JsonDownload.of("customer-" + customer.id() + ".json", () -> customers.export(id));
  }

  /** ADMIN only, as {@code PUT /customers/{id}/legal-hold}. */
  public void placeHold() {
    LegalHoldInput hold = new LegalHoldInput();
    hold.reason = holdReason;
    if (session.isAdmin()
        && messages.valid(hold)
        && messages.attempt(() -> customers.placeLegalHold(id, hold.reason.strip())).isPresent()) {
      holdReason = null;
      messages.info("customers.hold.placed");
      reload();
    }
  }

  public void releaseHold() {
    if (session.isAdmin() && messages.attempt(() -> customers.releaseLegalHold(id))) {
      messages.info("customers.hold.released");
      reload();
    }
  }

  /** Erases now, as {@code DELETE /customers/{id}}; a legal hold's refusal stays on the page. */
  public String erase() {
    if (!messages.attempt(() -> customers.erase(id))) {
      return null;
    }
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    messages.info("customers.erased");
    return "/customers/list?faces-redirect=true";
  }

  /** Why the customer is held; read with the record, which is audited. */
  public String getHoldReasonOnFile() {
    return holdReasonOnFile;
  }

  public CustomerView getCustomer() {
    return customer;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  /** The tab shown, one of {@link #TABS}. */
  public String getTab() {
    return tab != null && TABS.contains(tab) ? tab : TABS.get(0);
  }

  public void setTab(String tab) {
    this.tab = tab;
  }

  public String getHoldReason() {
    return holdReason;
  }

  public void setHoldReason(String holdReason) {
    this.holdReason = holdReason;
  }
}
