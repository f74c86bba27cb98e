package app.custodian.campaign.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.custodian.consent.entity.Purpose;
import java.time.Instant;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;

/** A campaign's lifecycle: only the transitions its methods allow, whoever asks. */
class CampaignTest {

  static final LongPredicate LIVE = executionId -> true;
  static final LongPredicate DEAD = executionId -> false;
  static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
  static final Unreached NOBODY_LEFT = new Unreached(0, 0, 0);

  @Test
  void aNewCampaignIsADraftThatCannotBeSentFailedOrGivenARunWithoutBeingStarted() {
    Campaign campaign = draft();

    assertEquals(CampaignStatus.DRAFT, campaign.status());
    assertThrows(IllegalStateException.class, () -> campaign.sent(1, NOBODY_LEFT, NOW));
    assertThrows(IllegalStateException.class, campaign::failed);
    assertThrows(IllegalStateException.class, () -> campaign.sendingBy(1));
    assertEquals(CampaignStatus.DRAFT, campaign.status(), "nothing changed");
  }

  @Test
  void aRunGoesFromSendingToSentWithWhatItLeft() {
    Campaign campaign = draft();
    campaign.startSending(DEAD);
    campaign.sendingBy(7);
    campaign.runStarted(7);

    campaign.sent(7, new Unreached(3, 2, 1), NOW);

    assertEquals(CampaignStatus.SENT, campaign.status());
    assertEquals(7L, campaign.executionId());
    assertEquals(3, campaign.skippedNoConsent());
    assertEquals(2, campaign.skippedSuppressed());
    assertEquals(1, campaign.deferred());
  }

  @Test
  void aSecondSendIsRefusedWhileARunIsUnderWayOrAboutToStart() {
    Campaign campaign = draft();
    campaign.startSending(DEAD);
    assertThrows(
        IllegalStateException.class, () -> campaign.startSending(DEAD), "its job is starting");
    campaign.sendingBy(7);
    assertThrows(IllegalStateException.class, () -> campaign.startSending(LIVE), "it runs");

    campaign.startSending(DEAD); // its process died: sending again is allowed

    assertEquals(CampaignStatus.SENDING, campaign.status());
    assertNull(campaign.executionId());
  }

  @Test
  void onlyTheRunThatSendsItCompletesIt() {
    Campaign campaign = draft();
    campaign.runStarted(7);
    campaign.runStarted(8); // e.g. the jobs API restarted it

    assertThrows(IllegalStateException.class, () -> campaign.sent(7, NOBODY_LEFT, NOW));
    assertThrows(IllegalStateException.class, () -> campaign.sendingBy(7));
    assertEquals(8L, campaign.executionId());
    assertEquals(CampaignStatus.SENDING, campaign.status());
  }

  @Test
  void aSentOrFailedCampaignCannotFailAgainOrBeCompletedTwice() {
    Campaign sent = draft();
    sent.runStarted(7);
    sent.sent(7, NOBODY_LEFT, NOW);
    assertThrows(IllegalStateException.class, sent::failed);
    assertThrows(IllegalStateException.class, () -> sent.sent(7, NOBODY_LEFT, NOW));

    Campaign failed = draft();
    failed.runStarted(7);
    failed.failed();
    assertThrows(IllegalStateException.class, failed::failed);
    assertThrows(IllegalStateException.class, () -> failed.sent(7, NOBODY_LEFT, NOW));

    failed.runStarted(8); // a restart of the failed run
    assertEquals(CampaignStatus.SENDING, failed.status());
  }

  @Test
  void theRequestThatStartedTheRunMayRecordItAfterTheRunHasRecordedItself() {
    Campaign campaign = draft();
    campaign.startSending(DEAD);
    campaign.runStarted(7);
    campaign.sent(7, NOBODY_LEFT, NOW); // a small campaign: sent before the request recorded it

    campaign.sendingBy(7);

    assertEquals(CampaignStatus.SENT, campaign.status());
  }

  @Test
  void aCampaignWhoseRunDiedShowsFailedWithoutChanging() {
    Campaign campaign = draft();
    campaign.startSending(DEAD);
    assertEquals(CampaignStatus.SENDING, campaign.shownStatus(DEAD), "its job is starting");
    campaign.sendingBy(7);

    assertEquals(CampaignStatus.SENDING, campaign.shownStatus(LIVE));
    assertEquals(CampaignStatus.FAILED, campaign.shownStatus(DEAD));
    assertEquals(CampaignStatus.SENDING, campaign.status(), "showing is not changing");
    assertEquals(CampaignStatus.DRAFT, draft().shownStatus(DEAD));
  }

  static Campaign draft() {
    return new Campaign(
        new CampaignContent(
            "Tin tháng 12", Purpose.NEWSLETTER, true, "Tin", "{{unsubscribeUrl}}", null),
        "marketing",
        NOW);
  }
}
