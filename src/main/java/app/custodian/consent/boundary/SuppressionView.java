package app.custodian.consent.boundary;

import app.custodian.consent.entity.Suppression;
import java.time.Instant;

/** One suppression entry, without the address. */
public record SuppressionView(String scope, String reason, Instant at) {

  public static SuppressionView of(Suppression s) {
    return new SuppressionView(s.scope(), s.reason().name(), s.at());
  }
}
