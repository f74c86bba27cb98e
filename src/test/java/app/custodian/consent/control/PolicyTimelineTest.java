package app.custodian.consent.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyTimelineTest {

  static final Instant EARLY = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant LATE = Instant.parse("2026-02-01T00:00:00Z");

  static final List<PolicyTimeline.Dated> VERSIONS =
      List.of(
          new PolicyTimeline.Dated("2026-03", LocalDate.of(2026, 3, 1), EARLY),
          new PolicyTimeline.Dated("2026-01", LocalDate.of(2026, 1, 1), EARLY),
          new PolicyTimeline.Dated("2026-06", LocalDate.of(2026, 6, 15), EARLY));

  @Test
  void noVersionIsInForceBeforeTheFirstTakesEffect() {
    assertEquals(Optional.empty(), PolicyTimeline.inForce(VERSIONS, LocalDate.of(2025, 12, 31)));
    assertEquals(Optional.empty(), PolicyTimeline.inForce(List.of(), LocalDate.of(2026, 5, 1)));
  }

  @Test
  void aVersionIsInForceFromItsEffectiveDayUntilTheNextOnesDay() {
    assertEquals(
        Optional.of("2026-01"), PolicyTimeline.inForce(VERSIONS, LocalDate.of(2026, 1, 1)));
    assertEquals(
        Optional.of("2026-01"), PolicyTimeline.inForce(VERSIONS, LocalDate.of(2026, 2, 28)));
    assertEquals(
        Optional.of("2026-03"), PolicyTimeline.inForce(VERSIONS, LocalDate.of(2026, 3, 1)));
    assertEquals(
        Optional.of("2026-03"), PolicyTimeline.inForce(VERSIONS, LocalDate.of(2026, 6, 14)));
    assertEquals(
        Optional.of("2026-06"), PolicyTimeline.inForce(VERSIONS, LocalDate.of(2030, 1, 1)));
  }

  @Test
  void aVersionRegisteredAheadOfItsDayIsNotInForceYet() {
    assertEquals(
        Optional.of("2026-03"), PolicyTimeline.inForce(VERSIONS, LocalDate.of(2026, 6, 1)));
  }

  @Test
  void ofTwoVersionsTakingEffectTheSameDayTheOneRegisteredLastIsInForce() {
    List<PolicyTimeline.Dated> sameDay =
        List.of(
            new PolicyTimeline.Dated("b-later", LocalDate.of(2026, 3, 1), LATE),
            new PolicyTimeline.Dated("a-earlier", LocalDate.of(2026, 3, 1), EARLY));
    assertEquals(Optional.of("b-later"), PolicyTimeline.inForce(sameDay, LocalDate.of(2026, 3, 2)));
  }
}
