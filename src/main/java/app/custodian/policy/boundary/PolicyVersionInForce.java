package app.custodian.policy.boundary;

import app.custodian.consent.boundary.PolicyInForce;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/** The registered versions answer which one a consent event names. */
@ApplicationScoped
public class PolicyVersionInForce implements PolicyInForce {

  @Inject PolicyService policies;

  @Override
  public Optional<String> versionAt(Instant at) {
    return policies.versionInForce(at);
  }
}
