package app.custodian.privacy.boundary.web;

import app.custodian.consent.entity.Purpose;
import app.custodian.platform.boundary.JsonBodies;
import app.custodian.platform.boundary.web.JsonDownload;
import app.custodian.platform.boundary.web.PortalMessages;
import app.custodian.platform.control.ProblemException;
import app.custodian.privacy.boundary.PrivacyRequestService;
import app.custodian.privacy.boundary.PrivacyRequestView;
import app.custodian.privacy.boundary.PrivacyVerification;
import app.custodian.privacy.boundary.ReasonInput;
import app.custodian.privacy.boundary.RequestEvent;
import app.custodian.privacy.boundary.VerifyInput;
import app.custodian.privacy.entity.RequestStatus;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.primefaces.model.StreamedContent;

/**
 * One privacy request: its deadlines and history, and the steps its status allows, each through the
 * service methods the API calls (reading it is audited as the API's read is).
 */
@Named
@ViewScoped
public class RequestDetailScreen implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject PrivacyRequestService requests;
  @Inject PrivacyVerification verification;
  @Inject PortalMessages messages;

  private String id;
  private PrivacyRequestView request;
  private String method = PrivacyVerification.OPERATOR_CHECK;
  private String code;
  private String evidence;
  private String reason;
  private String changes;
  private List<String> purposes = new ArrayList<>();
  private String exportJson;

  /** Reads the request (audited). */
  public void load() {
    request = messages.attempt(() -> requests.read(id)).orElse(null);
  }

  public void verify() {
    VerifyInput input = new VerifyInput();
    input.method = method;
    input.code = code;
    input.evidence = evidence;
    if (messages.valid(input) && step(() -> verification.verify(id, input), "verified")) {
      code = null;
      evidence = null;
    }
  }

  public void sendCode() {
    step(() -> requests.sendCode(id), "codeSent");
  }

  public void extend() {
    withReason(() -> requests.extend(id, reason.strip()), "extended");
  }

  public void refuse() {
    withReason(() -> requests.refuse(id, reason.strip()), "refused");
  }

  public void suspend() {
    withReason(() -> requests.suspend(id, reason.strip()), "suspended");
  }

  public void clear() {
    step(() -> requests.clearSuspension(id), "cleared");
  }

  /** Fulfils the request; an ACCESS keeps its export for download. */
  public void complete() {
    Optional<JsonObject> body = body();
    if (body.isEmpty()) {
      return;
    }
    messages
        .attempt(() -> requests.complete(id, body.get()))
        .ifPresent(
            done -> {
              request = done.request();
              exportJson = done.export() == null ? null : JsonDownload.json(done.export());
              messages.info("requests.done." + request.status());
            });
  }

  /** The completion's body as the API takes it: the changes or the purposes, when given. */
  private Optional<JsonObject> body() {
    JsonObjectBuilder body = Json.createObjectBuilder();
    if (changes != null && !changes.isBlank()) {
      try {
        body.add("changes", JsonBodies.parse(changes));
      } catch (JsonException e) {
        messages.show(ProblemException.invalid("changes", "must be a JSON object (a merge patch)"));
        return Optional.empty();
      }
    }
    if (!purposes.isEmpty()) {
      body.add("purposes", Json.createArrayBuilder(purposes));
    }
    return Optional.of(body.build());
  }

  private void withReason(Supplier<PrivacyRequestView> action, String done) {
    ReasonInput input = new ReasonInput();
    input.reason = reason;
    if (messages.valid(input) && step(action, done)) {
      reason = null;
    }
  }

  private boolean step(Supplier<PrivacyRequestView> action, String done) {
    Optional<PrivacyRequestView> result = messages.attempt(action);
    result.ifPresent(
        r -> {
          request = r;
          messages.info("requests.done." + done);
        });
    return result.isPresent();
  }

  /** What happened to the request so far, oldest first, from its own record. */
  public List<RequestEvent> getHistory() {
    return request == null ? List.of() : RequestEvent.of(request);
  }

  public StreamedContent getExport() {
    String json = exportJson == null ? "" : exportJson;
    return JsonDownload.ofJson("export-" + id + ".json", () -> json);
  }

  public boolean isOpen() {
    return request != null
        && RequestStatus.parse(request.status()).map(RequestStatus::open).orElse(false);
  }

  public boolean isPending() {
    return request != null && RequestStatus.PENDING_VERIFICATION.name().equals(request.status());
  }

  public boolean isCompletable() {
    return request != null
        && RequestStatus.VERIFIED.name().equals(request.status())
        && !request.suspended();
  }

  public List<Purpose> getPurposeChoices() {
    return List.of(Purpose.values());
  }

  public boolean isExportReady() {
    return exportJson != null;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public PrivacyRequestView getRequest() {
    return request;
  }

  public String getMethod() {
    return method;
  }

  public void setMethod(String method) {
    this.method = method;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getEvidence() {
    return evidence;
  }

  public void setEvidence(String evidence) {
    this.evidence = evidence;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getChanges() {
    return changes;
  }

  public void setChanges(String changes) {
    this.changes = changes;
  }

  public List<String> getPurposes() {
    return purposes;
  }

  public void setPurposes(List<String> purposes) {
    this.purposes = purposes == null ? new ArrayList<>() : new ArrayList<>(purposes);
  }
}
