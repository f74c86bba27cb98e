package app.custodian.incident.boundary.web;

import app.custodian.customer.entity.DataCategory;
import app.custodian.incident.boundary.BreachNoticeStarter;
import app.custodian.incident.boundary.IncidentService;
import app.custodian.incident.boundary.IncidentView;
import app.custodian.incident.control.AuthorityReport;
import app.custodian.incident.control.CategoryLabels;
import app.custodian.incident.control.IncidentPatch;
import app.custodian.notice.boundary.NoticeRuns;
import app.custodian.platform.boundary.LocalCalendar;
import app.custodian.platform.boundary.web.JsonDownload;
import app.custodian.platform.boundary.web.PortalFormats;
import app.custodian.platform.boundary.web.PortalMessages;
import app.custodian.security.boundary.web.PortalSession;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.primefaces.model.StreamedContent;

/**
 * One incident of the breach register: its details and the 72-hour deadline, the answers edited as
 * a merge patch ({@code PATCH /api/v1/incidents/{id}}), the notice to the people affected, and the
 * authority report as {@code GET /api/v1/incidents/{id}/authority-report} gives it (each generation
 * audited, as there).
 */
@Named
@ViewScoped
public class IncidentScreen implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject IncidentService incidents;
  @Inject BreachNoticeStarter starter;
  @Inject NoticeRuns noticeRuns;
  @Inject PortalMessages messages;
  @Inject PortalSession session;
  @Inject LocalCalendar calendar;
  @Inject PortalFormats formats;

  private String id;
  private IncidentView incident;
  private AuthorityReport report;
  private NoticeRuns.Run run;
  private final Map<String, String> answers = new LinkedHashMap<>();
  private LocalDateTime reportedAt;

  public void load() {
    messages.attempt(() -> incidents.read(id)).ifPresent(this::show);
  }

  private void show(IncidentView view) {
    edit(view);
    report = incidents.authorityReport(id);
    refreshRun();
  }

  /** Fills the form with the incident's answers as the register holds them. */
  void edit(IncidentView view) {
    incident = view;
    answers.putAll(texts(view));
    reportedAt = local(view.reportedToAuthorityAt());
  }

  /** Saves the answers changed, as one merge patch. */
  public void save() {
    JsonObject patch = patch();
    if (patch.isEmpty()) {
      messages.info("incidents.unchanged");
      return;
    }
    messages
        .attempt(() -> incidents.amend(id, patch))
        .ifPresent(
            view -> {
              show(view);
              messages.info("common.saved");
            });
  }

  /** The fields whose value differs from the register's; a blank text clears it (null). */
  JsonObject patch() {
    JsonObjectBuilder patch = Json.createObjectBuilder();
    Map<String, String> current = texts(incident);
    for (String field : current.keySet()) {
      String given = blankToNull(answers.get(field));
      if (!Objects.equals(given, blankToNull(current.get(field)))) {
        if (given == null) {
          patch.addNull(field);
        } else {
          patch.add(field, given);
        }
      }
    }
    Instant reported = calendar.instantOf(reportedAt);
    if (!Objects.equals(truncated(reported), truncated(incident.reportedToAuthorityAt()))) {
      if (reported == null) {
        patch.addNull(IncidentPatch.REPORTED_AT);
      } else {
        patch.add(IncidentPatch.REPORTED_AT, reported.toString());
      }
    }
    return patch.build();
  }

  /** The answers a merge patch may change, by their API field names. */
  static Map<String, String> texts(IncidentView view) {
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put(IncidentPatch.DESCRIPTION, view.description());
    texts.put("nature", view.nature());
    texts.put("likelyConsequences", view.likelyConsequences());
    texts.put("measuresTaken", view.measuresTaken());
    texts.put("delayReason", view.delayReason());
    return texts;
  }

  public void notifyPeople() {
    messages
        .attempt(() -> starter.start(id))
        .ifPresent(execution -> messages.info("incidents.notifyStarted", execution));
    load();
  }

  public void refreshRun() {
    run = incident == null ? null : noticeRuns.find(incident.notifiedExecutionId()).orElse(null);
  }

  public StreamedContent getReportJson() {
    String json = JsonDownload.json(report);
    return JsonDownload.ofJson("authority-report-" + id + ".json", () -> json);
  }

  /** Reported when, passed, or the hours left before the authority deadline. */
  public String getDeadlineState() {
    if (incident.reportedToAuthorityAt() != null) {
      return messages.text(
          "incidents.deadline.reported", fmtTime(incident.reportedToAuthorityAt()));
    }
    if (isDeadlinePassed()) {
      return messages.text("incidents.deadline.passed");
    }
    long hours = Duration.between(Instant.now(), incident.authorityDeadline()).toHours();
    return messages.text("incidents.deadline.left", hours);
  }

  private String fmtTime(Instant instant) {
    return formats.time(instant);
  }

  public boolean isDeadlinePassed() {
    return incident.reportedToAuthorityAt() == null
        && Instant.now().isAfter(incident.authorityDeadline());
  }

  public String categoryLabel(String category) {
    return CategoryLabels.of(DataCategory.valueOf(category), session.getLanguage());
  }

  private LocalDateTime local(Instant instant) {
    return calendar.localOf(instant);
  }

  private static Instant truncated(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MINUTES);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  public boolean isRunning() {
    return run != null && run.active();
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public IncidentView getIncident() {
    return incident;
  }

  public AuthorityReport getReport() {
    return report;
  }

  public NoticeRuns.Run getRun() {
    return run;
  }

  public Map<String, String> getAnswers() {
    return answers;
  }

  public LocalDateTime getReportedAt() {
    return reportedAt;
  }

  public void setReportedAt(LocalDateTime reportedAt) {
    this.reportedAt = reportedAt;
  }
}
