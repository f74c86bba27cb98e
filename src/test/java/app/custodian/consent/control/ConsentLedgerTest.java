package app.custodian.consent.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.consent.entity.ConsentClaim;
import app.custodian.consent.entity.ConsentEvent;
import app.custodian.consent.entity.ConsentState;
import app.custodian.consent.entity.Purpose;
import app.custodian.consent.entity.Suppression;
import app.custodian.consent.entity.SuppressionReason;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsentLedgerTest {

  private static final String CUSTOMER = "6f1c2b9e-3d4a-4f5b-8c6d-7e8f9a0b1c2d";
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static ConsentClaim claim(Purpose purpose, boolean granted, int day) {
    return new ConsentClaim(
        purpose, granted, T0.plusSeconds(86_400L * day), "operator", "web-form", "v1", null);
  }

  private static Suppression suppressed(String scope, SuppressionReason reason) {
    return new Suppression("index", scope, reason, T0);
  }

  @Test
  void aGrantWithoutSuppressionApplies() {
    ConsentEvent event =
        ConsentLedger.decide(CUSTOMER, claim(Purpose.NEWSLETTER, true, 0), List.of(), false);

    assertTrue(event.applied());
    assertNull(event.notAppliedReason());
  }

  @Test
  void aReImportCannotResubscribeSomeoneWhoUnsubscribed() {
    var unsubscribed = List.of(suppressed("NEWSLETTER", SuppressionReason.UNSUBSCRIBED));

    ConsentEvent event =
        ConsentLedger.decide(CUSTOMER, claim(Purpose.NEWSLETTER, true, 1), unsubscribed, false);

    assertFalse(event.applied());
    assertTrue(event.granted(), "the claim is kept as it was made");
    assertEquals("SUPPRESSED_UNSUBSCRIBED", event.notAppliedReason());
  }

  @Test
  void aSuppressionForAllPurposesBlocksEveryGrantButOnlyItsOwnPurposeOtherwise() {
    var bounced = List.of(suppressed(Suppression.ALL, SuppressionReason.HARD_BOUNCE));
    var newsletterOnly = List.of(suppressed("NEWSLETTER", SuppressionReason.UNSUBSCRIBED));

    assertFalse(
        ConsentLedger.decide(CUSTOMER, claim(Purpose.SURVEY, true, 0), bounced, false).applied());
    assertTrue(
        ConsentLedger.decide(CUSTOMER, claim(Purpose.SURVEY, true, 0), newsletterOnly, false)
            .applied());
  }

  @Test
  void theOwnExplicitOptInAndAnyWithdrawalAlwaysApply() {
    var unsubscribed = List.of(suppressed("NEWSLETTER", SuppressionReason.UNSUBSCRIBED));

    assertTrue(
        ConsentLedger.decide(CUSTOMER, claim(Purpose.NEWSLETTER, true, 0), unsubscribed, true)
            .applied());
    assertTrue(
        ConsentLedger.decide(CUSTOMER, claim(Purpose.NEWSLETTER, false, 0), unsubscribed, false)
            .applied());
  }

  @Test
  void theCurrentStateIsTheLastAppliedEventAndSinceIsWhenItLastFlipped() {
    ConsentEvent granted = ConsentEvent.applied(CUSTOMER, claim(Purpose.NEWSLETTER, true, 0));
    ConsentEvent confirmed = ConsentEvent.applied(CUSTOMER, claim(Purpose.NEWSLETTER, true, 3));
    ConsentEvent withdrawn = ConsentEvent.applied(CUSTOMER, claim(Purpose.NEWSLETTER, false, 5));
    ConsentEvent refusedClaim =
        ConsentEvent.notApplied(CUSTOMER, claim(Purpose.NEWSLETTER, true, 6), "SUPPRESSED_X");
    ConsentEvent survey = ConsentEvent.applied(CUSTOMER, claim(Purpose.SURVEY, true, 1));

    Map<Purpose, ConsentState> afterConfirm = ConsentLedger.replay(List.of(granted, confirmed));
    Map<Purpose, ConsentState> current =
        ConsentLedger.replay(List.of(granted, survey, confirmed, withdrawn, refusedClaim));

    assertTrue(afterConfirm.get(Purpose.NEWSLETTER).granted());
    assertEquals(granted.at(), afterConfirm.get(Purpose.NEWSLETTER).since());
    assertEquals(confirmed.id(), afterConfirm.get(Purpose.NEWSLETTER).eventId());
    assertFalse(current.get(Purpose.NEWSLETTER).granted());
    assertEquals(withdrawn.at(), current.get(Purpose.NEWSLETTER).since());
    assertTrue(current.get(Purpose.SURVEY).granted());
    assertFalse(current.containsKey(Purpose.RENEWAL_REMINDER), "absent means never given");
  }

  @Test
  void onlyAClaimThatWasNeverAppliedLeavesNoState() {
    ConsentEvent refused =
        ConsentEvent.notApplied(CUSTOMER, claim(Purpose.NEWSLETTER, true, 0), "SUPPRESSED_X");

    assertTrue(ConsentLedger.replay(List.of(refused)).isEmpty());
  }
}
