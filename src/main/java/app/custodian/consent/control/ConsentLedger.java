package app.custodian.consent.control;

import app.custodian.consent.entity.ConsentClaim;
import app.custodian.consent.entity.ConsentEvent;
import app.custodian.consent.entity.ConsentState;
import app.custodian.consent.entity.Purpose;
import app.custodian.consent.entity.Suppression;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rules of the consent ledger: what a claim becomes, and what the history adds up to. */
public final class ConsentLedger {

  private ConsentLedger() {}

  /**
   * The event a claim becomes. A withdrawal always applies. A grant for a suppressed address is
   * recorded but not applied, unless it is the person's own explicit opt-in (the preference page):
   * a re-import must not resubscribe someone who said no.
   */
  public static ConsentEvent decide(
      String customerId,
      ConsentClaim claim,
      Collection<Suppression> suppressions,
      boolean explicitOptIn) {
    if (!claim.granted() || explicitOptIn) {
      return ConsentEvent.applied(customerId, claim);
    }
    Optional<Suppression> blocking =
        suppressions.stream().filter(s -> s.blocks(claim.purpose())).findFirst();
    return blocking
        .map(s -> ConsentEvent.notApplied(customerId, claim, "SUPPRESSED_" + s.reason()))
        .orElseGet(() -> ConsentEvent.applied(customerId, claim));
  }

  /**
   * The event a grant collected earlier elsewhere becomes (a bulk import): as {@link #decide}, but
   * a withdrawal recorded after the moment the grant was collected stands, so the grant is kept as
   * not applied. The person's later no outweighs an older yes.
   *
   * @param withdrawnSince when the current withdrawal took effect, or null when there is none
   */
  public static ConsentEvent decideCollected(
      String customerId,
      ConsentClaim grant,
      Collection<Suppression> suppressions,
      Instant withdrawnSince) {
    if (withdrawnSince != null && withdrawnSince.isAfter(grant.at())) {
      return ConsentEvent.notApplied(customerId, grant, "WITHDRAWN_LATER");
    }
    return decide(customerId, grant, suppressions, false);
  }

  /** The current state per purpose that a history, oldest first, adds up to. Absent: never set. */
  public static Map<Purpose, ConsentState> replay(List<ConsentEvent> history) {
    Map<Purpose, ConsentState> current = new EnumMap<>(Purpose.class);
    for (ConsentEvent event : history) {
      if (event.applied()) {
        ConsentState state = current.get(event.purpose());
        if (state == null) {
          current.put(event.purpose(), ConsentState.first(event));
        } else {
          state.apply(event);
        }
      }
    }
    return current;
  }
}
