package app.custodian.consent.entity;

import java.time.Instant;
import java.util.Objects;

/** What someone says about a person's consent to one purpose, before the ledger decides. */
public record ConsentClaim(
    Purpose purpose,
    boolean granted,
    Instant at,
    String actor,
    String source,
    String policyVersion,
    String evidence) {

  public ConsentClaim {
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(source, "source");
  }

  /** The same claim naming the policy version the person was shown. */
  public ConsentClaim withPolicyVersion(String version) {
    return new ConsentClaim(purpose, granted, at, actor, source, version, evidence);
  }
}
