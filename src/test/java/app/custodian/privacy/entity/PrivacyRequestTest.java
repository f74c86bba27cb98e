package app.custodian.privacy.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.platform.control.ProblemException;
import app.custodian.privacy.control.CodeCheck;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PrivacyRequestTest {

  static final Instant NOW = Instant.parse("2026-03-02T03:00:00Z");
  static final LocalDate DUE = LocalDate.parse("2026-03-23");

  static PrivacyRequest request(RequestType type) {
    return new PrivacyRequest(
        UUID.randomUUID().toString(),
        type,
        RequestChannel.EMAIL,
        NOW,
        false,
        LocalDate.parse("2026-03-04"),
        DUE,
        NOW);
  }

  static void conflict(Runnable action) {
    ProblemException e = assertThrows(ProblemException.class, action::run);
    assertEquals(409, e.status());
  }

  @Test
  void aRequestGoesFromPendingToVerifiedToCompleted() {
    PrivacyRequest r = request(RequestType.ACCESS);
    assertEquals(RequestStatus.PENDING_VERIFICATION, r.status());
    conflict(r::requireCompletable);
    r.verified(VerificationMethod.OPERATOR_CHECK, "op", "ID card seen", NOW);
    assertEquals(RequestStatus.VERIFIED, r.status());
    assertEquals("op", r.verifiedBy());
    conflict(() -> r.verified(VerificationMethod.OPERATOR_CHECK, "op", "again", NOW));
    r.complete(NOW);
    assertEquals(RequestStatus.COMPLETED, r.status());
    assertEquals(NOW, r.completedAt());
    conflict(() -> r.refuse("late", NOW));
    conflict(() -> r.extend(DUE.plusDays(20), "why"));
    conflict(() -> r.suspend("fraud"));
  }

  @Test
  void refusalIsAllowedFromBothOpenStatuses() {
    PrivacyRequest pending = request(RequestType.ERASURE);
    pending.refuse("no such contract", NOW);
    assertEquals(RequestStatus.REFUSED, pending.status());
    assertEquals("no such contract", pending.refusalReason());
    assertEquals("no such contract", pending.reasonForPerson(), "written for the person");
    PrivacyRequest verified = request(RequestType.ERASURE);
    verified.verified(VerificationMethod.EMAIL_LINK, "customer:link", null, NOW);
    verified.refuse("legal hold: court order", null, NOW);
    assertEquals(RequestStatus.REFUSED, verified.status());
    assertEquals("legal hold: court order", verified.refusalReason());
    assertNull(verified.reasonForPerson(), "the person is told the standard text");
    conflict(() -> verified.complete(NOW));
  }

  @Test
  void oneExtensionOnly() {
    PrivacyRequest r = request(RequestType.OBJECTION);
    r.extend(LocalDate.parse("2026-04-13"), "processor slow");
    assertTrue(r.extended());
    assertEquals(LocalDate.parse("2026-04-13"), r.dueBy());
    conflict(() -> r.extend(LocalDate.parse("2026-05-13"), "again"));
    assertEquals(LocalDate.parse("2026-04-13"), r.dueBy());
  }

  @Test
  void suspensionBlocksCodeAndCompletionUntilCleared() {
    PrivacyRequest r = request(RequestType.ACCESS);
    r.codeIssued("hash", NOW.plusSeconds(3600));
    r.suspend("two requests from different countries in a minute");
    conflict(() -> r.suspend("again"));
    conflict(() -> r.tryCode("hash", 5, NOW));
    r.clearSuspension();
    assertFalse(r.suspended());
    assertNull(r.suspensionReason());
    conflict(r::clearSuspension);
    assertEquals(CodeCheck.Outcome.VERIFIED, r.tryCode("hash", 5, NOW));
    r.suspend("fraud after all");
    conflict(r::requireCompletable);
    r.clearSuspension();
    r.complete(NOW);
  }

  @Test
  void wrongCodesAreCountedUntilTheCodeDies() {
    PrivacyRequest r = request(RequestType.ACCESS);
    assertEquals(CodeCheck.Outcome.NONE, r.tryCode("hash", 3, NOW));
    r.codeIssued("hash", NOW.plusSeconds(3600));
    assertEquals(CodeCheck.Outcome.WRONG, r.tryCode("nope", 3, NOW));
    assertEquals(CodeCheck.Outcome.WRONG, r.tryCode("nope", 3, NOW));
    assertEquals(CodeCheck.Outcome.WRONG, r.tryCode("nope", 3, NOW));
    assertEquals(3, r.codeAttempts());
    assertEquals(CodeCheck.Outcome.DEAD, r.tryCode("hash", 3, NOW));
    assertEquals(RequestStatus.PENDING_VERIFICATION, r.status());
    r.codeIssued("fresh", NOW.plusSeconds(3600));
    assertEquals(0, r.codeAttempts());
    assertEquals(CodeCheck.Outcome.DEAD, r.tryCode("fresh", 3, NOW.plusSeconds(3600)));
    assertEquals(CodeCheck.Outcome.VERIFIED, r.tryCode("fresh", 3, NOW));
    assertEquals(VerificationMethod.CODE, r.verificationMethod());
  }

  @Test
  void overdueMeansOpenAndDueBeforeToday() {
    PrivacyRequest r = request(RequestType.RESTRICTION);
    assertFalse(r.overdueOn(DUE));
    assertTrue(r.overdueOn(DUE.plusDays(1)));
    r.refuse("duplicate", NOW);
    assertFalse(r.overdueOn(DUE.plusDays(1)));
  }

  @Test
  void typesAndStatusesParseAnySpelling() {
    assertEquals(RequestType.WITHDRAW_CONSENT, RequestType.parse(" withdraw_consent ").get());
    assertTrue(RequestType.parse("DELETE").isEmpty());
    assertTrue(RequestType.parse(null).isEmpty());
    assertEquals(RequestChannel.IN_PERSON, RequestChannel.parse("in_person").get());
    assertTrue(RequestStatus.parse("OPEN").isEmpty());
    assertTrue(RequestStatus.VERIFIED.open());
    assertFalse(RequestStatus.REFUSED.open());
  }
}
