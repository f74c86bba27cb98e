package app.custodian.audit.boundary.web;

import static app.custodian.platform.control.Strings.blankToNull;

import app.custodian.audit.boundary.AuditFilter;
import app.custodian.audit.boundary.AuditTrail;
import app.custodian.audit.boundary.AuditView;
import app.custodian.audit.boundary.ChainVerification;
import app.custodian.platform.boundary.LocalCalendar;
import app.custodian.platform.boundary.web.PagedModel;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;

/** The audit trail in the portal: entries filtered by customer, actor, action and time. */
@Named
@ViewScoped
public class AuditScreen implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject AuditTrail trail;
  @Inject LocalCalendar calendar;

  private String customerId;
  private String actor;
  private String action;
  private LocalDateTime from;
  private LocalDateTime to;
  private ChainVerification verification;
  private final PagedModel<AuditView> entries =
      new PagedModel<>(page -> trail.find(filter(), page), AuditView::id);

  /** Times are entered in the company's zone, like every time the portal shows. */
  private AuditFilter filter() {
    return new AuditFilter(
        blankToNull(customerId),
        blankToNull(actor),
        blankToNull(action),
        calendar.instantOf(from),
        calendar.instantOf(to));
  }

  public void verifyChain() {
    verification = trail.verify();
  }

  public void clear() {
    customerId = actor = action = null;
    from = to = null;
  }

  public PagedModel<AuditView> getEntries() {
    return entries;
  }

  public ChainVerification getVerification() {
    return verification;
  }

  public String getCustomerId() {
    return customerId;
  }

  public void setCustomerId(String customerId) {
    this.customerId = customerId;
  }

  public String getActor() {
    return actor;
  }

  public void setActor(String actor) {
    this.actor = actor;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public LocalDateTime getFrom() {
    return from;
  }

  public void setFrom(LocalDateTime from) {
    this.from = from;
  }

  public LocalDateTime getTo() {
    return to;
  }

  public void setTo(LocalDateTime to) {
    this.to = to;
  }
}
