package app.custodian.consent.boundary;

import app.custodian.consent.entity.ConsentEvent;
import java.time.Instant;

/**
 * The answer to a recorded claim: the purpose's state afterwards. {@code applied} is false, with
 * the reason, when the claim was recorded but not given effect.
 */
public record ConsentChangeView(
    String purpose, boolean granted, Instant since, boolean applied, String notAppliedReason) {

  static ConsentChangeView of(ConsentEvent event, CurrentConsent state) {
    return new ConsentChangeView(
        event.purpose().name(),
        state.granted(),
        state.since(),
        event.applied(),
        event.notAppliedReason());
  }
}
