package app.custodian.consent.boundary;

import java.time.Instant;
import java.util.Optional;

/**
 * The policy version in force at a moment, which a consent event names when its claim names none:
 * the policy feature answers it, so that consent needs nothing above it.
 */
public interface PolicyInForce {

  /** The version in force at that moment (its day in CUSTODIAN_ZONE); empty while none is. */
  Optional<String> versionAt(Instant at);
}
