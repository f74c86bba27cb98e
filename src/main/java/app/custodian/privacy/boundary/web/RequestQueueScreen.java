package app.custodian.privacy.boundary.web;

import app.custodian.platform.boundary.LocalCalendar;
import app.custodian.platform.boundary.web.PagedModel;
import app.custodian.platform.boundary.web.PortalFormats;
import app.custodian.platform.boundary.web.PortalMessages;
import app.custodian.privacy.boundary.PrivacyRequestInput;
import app.custodian.privacy.boundary.PrivacyRequestService;
import app.custodian.privacy.boundary.PrivacyRequestView;
import app.custodian.privacy.entity.RequestChannel;
import app.custodian.privacy.entity.RequestStatus;
import app.custodian.privacy.entity.RequestType;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The queue of privacy requests, earliest due first, with the filters of {@code GET
 * /api/v1/privacy-requests}, and the form staff register a request with ({@code POST}). Each row
 * listed is audited as a read, as the API does.
 */
@Named
@ViewScoped
public class RequestQueueScreen implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject PrivacyRequestService requests;
  @Inject PortalMessages messages;
  @Inject LocalCalendar calendar;
  @Inject PortalFormats formats;

  private String status;
  private boolean overdueOnly;

  /** The page of the queue the table shows, through the API's own query (each row read audited). */
  private final PagedModel<PrivacyRequestView> queue =
      new PagedModel<>(
          page -> requests.find(status, overdue(), null, page), PrivacyRequestView::id);

  private String customerId;
  private String type;
  private String channel = RequestChannel.EMAIL.name();
  private LocalDateTime receivedAt;
  private boolean processorsInvolved;

  /** Registers the request; the person is acknowledged by email after the commit. */
  public void register() {
    PrivacyRequestInput input = new PrivacyRequestInput();
    input.customerId = customerId;
    input.type = type;
    input.channel = channel;
    input.receivedAt = Objects.toString(calendar.instantOf(receivedAt), null);
    input.processorsInvolved = processorsInvolved;
    messages
        .attempt(() -> requests.create(input))
        .ifPresent(
            created -> {
              messages.info(
                  "requests.registered",
                  messages.text("requests.type." + created.type()),
                  formats.date(created.dueBy()));
              customerId = null;
              type = null;
              receivedAt = null;
              processorsInvolved = false;
            });
  }

  public PagedModel<PrivacyRequestView> getQueue() {
    return queue;
  }

  private String overdue() {
    return overdueOnly ? "true" : null;
  }

  public List<RequestStatus> getStatuses() {
    return List.of(RequestStatus.values());
  }

  public List<RequestType> getTypes() {
    return List.of(RequestType.values());
  }

  public List<RequestChannel> getChannels() {
    return List.of(RequestChannel.values());
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status == null || status.isBlank() ? null : status;
  }

  public boolean isOverdueOnly() {
    return overdueOnly;
  }

  public void setOverdueOnly(boolean overdueOnly) {
    this.overdueOnly = overdueOnly;
  }

  public String getCustomerId() {
    return customerId;
  }

  public void setCustomerId(String customerId) {
    this.customerId = customerId;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getChannel() {
    return channel;
  }

  public void setChannel(String channel) {
    this.channel = channel;
  }

  public LocalDateTime getReceivedAt() {
    return receivedAt;
  }

  public void setReceivedAt(LocalDateTime receivedAt) {
    this.receivedAt = receivedAt;
  }

  public boolean isProcessorsInvolved() {
    return processorsInvolved;
  }

  public void setProcessorsInvolved(boolean processorsInvolved) {
    this.processorsInvolved = processorsInvolved;
  }
}
