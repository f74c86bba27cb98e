package app.custodian.incident.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.customer.entity.DataCategory;
import app.custodian.incident.entity.Incident;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthorityReportTest {

  static final Instant DETECTED = Instant.parse("2026-11-20T08:00:00Z");
  static final AuthorityReport.ControllerPart CONTROLLER =
      new AuthorityReport.ControllerPart(
          "Công ty Lưu Trữ", "12 Lý Thường Kiệt, Hà Nội", "privacy@custodian.test");

  static Incident incident(int people) {
    return new Incident(
        DETECTED,
        "Backup copied by a former contractor",
        Set.of(DataCategory.EMAIL, DataCategory.FULL_NAME, DataCategory.PHONE),
        people,
        "admin",
        DETECTED.plusSeconds(600));
  }

  @Test
  void theDeadlineIs72HoursAfterDetection() {
    AuthorityReport report = AuthorityReport.of(incident(4), CONTROLLER, DETECTED.plusSeconds(60));
    assertEquals(Instant.parse("2026-11-23T08:00:00Z"), report.incident().authorityDeadline());
    assertEquals(DETECTED, report.incident().detectedAt());
    assertFalse(report.incident().late());
  }

  @Test
  void holdsWhatForm03AndArticle33Ask() {
    Incident incident = incident(4);
    incident.describe("confidentiality breach", "phishing", "credentials revoked");
    Instant now = DETECTED.plus(Duration.ofHours(5));
    AuthorityReport report = AuthorityReport.of(incident, CONTROLLER, now);

    assertEquals("Decree 13/2023/ND-CP Form 03; GDPR Art. 33(3)", report.form());
    assertEquals(CONTROLLER, report.controller());
    assertEquals("privacy@custodian.test", report.contactPoint());
    assertEquals("confidentiality breach", report.nature());
    assertEquals(List.of("FULL_NAME", "EMAIL", "PHONE"), report.dataCategories());
    assertEquals(4, report.approximatePeopleAffected());
    assertEquals(12, report.approximateRecordsAffected(), "people times kinds of data");
    assertEquals("phishing", report.likelyConsequences());
    assertEquals("credentials revoked", report.measuresTaken());
    assertEquals(List.of(), report.missing());
    assertEquals(now, report.generatedAt());
    assertEquals(incident.id(), report.incident().id());
  }

  @Test
  void namesTheAnswersStillMissing() {
    AuthorityReport report =
        AuthorityReport.of(
            incident(1),
            new AuthorityReport.ControllerPart("Custodian", "", "dpo@custodian.test"),
            DETECTED.plusSeconds(3600));
    assertEquals(
        List.of("controller.address", "nature", "likelyConsequences", "measuresTaken"),
        report.missing());
  }

  @Test
  void anUnreportedIncidentIsLateOnceTheDeadlinePassesAndThenNeedsAReasonForTheDelay() {
    Incident incident = incident(2);
    incident.describe("n", "c", "m");
    Instant deadline = DETECTED.plus(Duration.ofHours(72));

    assertFalse(AuthorityReport.of(incident, CONTROLLER, deadline).incident().late());
    AuthorityReport late = AuthorityReport.of(incident, CONTROLLER, deadline.plusSeconds(1));
    assertTrue(late.incident().late());
    assertEquals(List.of("incident.delayReason"), late.missing());

    incident.explainDelay("the breach came to light only through the contractor's audit");
    assertEquals(
        List.of(), AuthorityReport.of(incident, CONTROLLER, deadline.plusSeconds(1)).missing());
  }

  @Test
  void aReportFiledInTimeStaysInTimeAndOneFiledLateStaysLate() {
    Incident inTime = incident(2);
    inTime.reportedToAuthority(DETECTED.plus(Duration.ofHours(71)));
    AuthorityReport report =
        AuthorityReport.of(inTime, CONTROLLER, DETECTED.plus(Duration.ofDays(30)));
    assertFalse(report.incident().late());
    assertEquals(DETECTED.plus(Duration.ofHours(71)), report.incident().reportedAt());

    Incident late = incident(2);
    late.reportedToAuthority(DETECTED.plus(Duration.ofHours(73)));
    assertTrue(
        AuthorityReport.of(late, CONTROLLER, DETECTED.plus(Duration.ofHours(74)))
            .incident()
            .late());
  }
}
