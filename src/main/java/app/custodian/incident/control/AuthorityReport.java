package app.custodian.incident.control;

import app.custodian.customer.entity.DataCategory;
import app.custodian.incident.entity.Incident;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the authority asks of a personal data breach (Decree 13/2023/ND-CP Form 03; GDPR art.
 * 33(3)): who the controller is and whom to contact, what happened and when, the kinds of data,
 * approximately how many people and records, the likely consequences and the measures taken, and
 * why the report is late when it is. Answers still missing are named in {@code missing}, so they
 * can be filled in before it is filed. Records are counted as people times kinds of data.
 */
@JsonbNillable
@JsonbPropertyOrder({
  "form",
  "controller",
  "incident",
  "nature",
  "dataCategories",
  "approximatePeopleAffected",
  "approximateRecordsAffected",
  "likelyConsequences",
  "measuresTaken",
  "contactPoint",
  "missing",
  "generatedAt"
})
public record AuthorityReport(
    String form,
    ControllerPart controller,
    IncidentPart incident,
    String nature,
    List<String> dataCategories,
    long approximatePeopleAffected,
    long approximateRecordsAffected,
    String likelyConsequences,
    String measuresTaken,
    String contactPoint,
    List<String> missing,
    Instant generatedAt)
    implements Serializable {

  public static final String FORM = "Decree 13/2023/ND-CP Form 03; GDPR Art. 33(3)";

  /** The data controller and its contact point for data protection. */
  @JsonbNillable
  public record ControllerPart(String name, String address, String contactPoint)
      implements Serializable {}

  /** When the breach was detected, the deadline, and whether the report is (or will be) late. */
  @JsonbNillable
  @JsonbPropertyOrder({
    "id",
    "detectedAt",
    "authorityDeadline",
    "reportedAt",
    "late",
    "delayReason",
    "description"
  })
  public record IncidentPart(
      String id,
      Instant detectedAt,
      Instant authorityDeadline,
      Instant reportedAt,
      boolean late,
      String delayReason,
      String description)
      implements Serializable {}

  /**
   * The report as the register stands at {@code now}. An unreported incident is late once its
   * deadline has passed; a reported one, when it was reported after the deadline.
   */
  public static AuthorityReport of(Incident incident, ControllerPart controller, Instant now) {
    Instant deadline = incident.authorityDeadline();
    Instant reportedOrNow = incident.reportedAt() != null ? incident.reportedAt() : now;
    boolean late = reportedOrNow.isAfter(deadline);
    List<String> missing = new ArrayList<>();
    missingIfBlank(missing, "controller.address", controller.address());
    missingIfBlank(missing, "nature", incident.nature());
    missingIfBlank(missing, "likelyConsequences", incident.likelyConsequences());
    missingIfBlank(missing, "measuresTaken", incident.measuresTaken());
    if (late) {
      missingIfBlank(missing, "incident.delayReason", incident.delayReason());
    }
    return new AuthorityReport(
        FORM,
        controller,
        new IncidentPart(
            incident.id(),
            incident.detectedAt(),
            deadline,
            incident.reportedAt(),
            late,
            incident.delayReason(),
            incident.description()),
        incident.nature(),
        incident.dataCategories().stream().map(DataCategory::name).toList(),
        incident.affectedCustomers(),
        incident.affectedRecords(),
        incident.likelyConsequences(),
        incident.measuresTaken(),
        controller.contactPoint(),
        List.copyOf(missing),
        now);
  }

  private static void missingIfBlank(List<String> missing, String field, String value) {
    if (value == null || value.isBlank()) {
      missing.add(field);
    }
  }
}
