package app.custodian.consent.boundary;

import app.custodian.consent.entity.ConsentState;
import jakarta.json.bind.annotation.JsonbNillable;
import java.io.Serializable;
import java.time.Instant;

/** The current consent to one purpose; never given shows as not granted, since null. */
@JsonbNillable
public record CurrentConsent(boolean granted, Instant since) implements Serializable {

  static final CurrentConsent NEVER_GIVEN = new CurrentConsent(false, null);

  static CurrentConsent of(ConsentState state) {
    return state == null ? NEVER_GIVEN : new CurrentConsent(state.granted(), state.since());
  }
}
