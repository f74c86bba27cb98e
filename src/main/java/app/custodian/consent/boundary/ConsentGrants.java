package app.custodian.consent.boundary;

import app.custodian.consent.control.ConsentLedger;
import app.custodian.consent.control.PolicyTimeline;
import app.custodian.consent.entity.ConsentClaim;
import app.custodian.consent.entity.ConsentEvent;
import app.custodian.consent.entity.Suppression;
import app.custodian.consent.entity.SuppressionReason;
import app.custodian.platform.boundary.LocalCalendar;
import app.custodian.platform.control.DatabaseTime;
import app.custodian.platform.control.RowCopy;
import app.custodian.platform.control.SqlLists;
import app.custodian.security.control.FieldCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Grants collected elsewhere (a bulk import's consent columns), recorded many at a time in the
 * consent ledger with plain JDBC on the caller's connection and in its transaction: the ledger's
 * own rules ({@link ConsentLedger#decideCollected}), so a grant for a suppressed address, or one
 * older than the person's withdrawal, is recorded as not applied; a consent granted already is left
 * as it is. Never a withdrawal, never a suppression lifted. No confirmation email is queued: the
 * person gave the consent elsewhere, earlier; the API's one-by-one grant is the one that confirms.
 */
@ApplicationScoped
public class ConsentGrants {

  @Inject FieldCipher cipher;
  @Inject LocalCalendar calendar;

  /** A grant for a customer whose address has this blind index. */
  public record Grant(String customerId, String addressIndex, ConsentClaim claim) {}

  /** What became of each grant, in order: the event, or null when it was granted already. */
  public record Outcome(Grant grant, ConsentEvent event) {}

  /**
   * Decides every grant; writes the events and the current states unless {@code dryRun}. The caller
   * audits them: each outcome names its event (a bulk import gives each customer one entry naming
   * their events, rather than one entry per event).
   *
   * @param newCustomers ids of customers created in this transaction: they have no state yet
   */
  public List<Outcome> record(
      Connection connection, List<Grant> grants, Set<String> newCustomers, boolean dryRun)
      throws SQLException {
    if (grants.isEmpty()) {
      return List.of();
    }
    Map<String, List<Suppression>> suppressed = suppressions(connection, grants);
    Set<String> existing = new LinkedHashSet<>();
    grants.stream()
        .map(Grant::customerId)
        .filter(id -> !newCustomers.contains(id))
        .forEach(existing::add);
    Map<String, State> states = states(connection, existing);
    List<PolicyTimeline.Dated> policies = policies(connection);
    List<Outcome> outcomes = new ArrayList<>();
    List<ConsentEvent> inserts = new ArrayList<>();
    List<ConsentEvent> stateInserts = new ArrayList<>();
    List<ConsentEvent> stateUpdates = new ArrayList<>();
    for (Grant grant : grants) {
      String key = grant.customerId() + " " + grant.claim().purpose();
      State state = states.get(key);
      if (state != null && state.granted()) {
        outcomes.add(new Outcome(grant, null));
        continue;
      }
      ConsentClaim claim = withPolicyInForce(grant.claim(), policies);
      ConsentEvent event =
          ConsentLedger.decideCollected(
              grant.customerId(),
              claim,
              suppressed.getOrDefault(grant.addressIndex(), List.of()),
              state == null ? null : state.since());
      outcomes.add(new Outcome(grant, event));
      inserts.add(event);
      if (event.applied()) {
        (state == null ? stateInserts : stateUpdates).add(event);
        states.put(key, new State(true, event.at()));
      }
    }
    if (!dryRun) {
      write(connection, inserts, stateInserts, stateUpdates);
    }
    return outcomes;
  }

  private void write(
      Connection connection,
      List<ConsentEvent> events,
      List<ConsentEvent> stateInserts,
      List<ConsentEvent> stateUpdates)
      throws SQLException {
    RowCopy ledger =
        new RowCopy(
            "consent_event",
            "id",
            "customer_id",
            "purpose",
            "granted",
            "applied",
            "not_applied_reason",
            "at",
            "actor",
            "source",
            "policy_version",
            "evidence");
    // Encrypting the evidence is most of the work here: on both cores.
    List<byte[]> evidence =
        events.parallelStream()
            .map(e -> e.evidence() == null ? new byte[0] : cipher.encrypt(e.evidence()))
            .toList();
    for (int i = 0; i < events.size(); i++) {
      ConsentEvent e = events.get(i);
      ledger.add(
          e.id(),
          e.customerId(),
          e.purpose().name(),
          e.granted(),
          e.applied(),
          e.notAppliedReason(),
          DatabaseTime.column(e.at()),
          e.actor(),
          e.source(),
          e.policyVersion(),
          e.evidence() == null ? null : evidence.get(i));
    }
    ledger.write(connection);
    RowCopy states =
        new RowCopy("consent_state", "granted", "since", "event_id", "customer_id", "purpose");
    for (ConsentEvent e : stateInserts) {
      states.add(true, DatabaseTime.column(e.at()), e.id(), e.customerId(), e.purpose().name());
    }
    states.write(connection);
    writeStates(
        connection,
        "update consent_state set granted = true, since = ?, event_id = ?"
            + " where customer_id = ? and purpose = ?",
        stateUpdates);
  }

  private static void writeStates(Connection connection, String sql, List<ConsentEvent> events)
      throws SQLException {
    if (events.isEmpty()) {
      return;
    }
    try (PreparedStatement write = connection.prepareStatement(sql)) {
      for (ConsentEvent e : events) {
        write.setObject(1, DatabaseTime.column(e.at()));
        write.setString(2, e.id());
        write.setString(3, e.customerId());
        write.setString(4, e.purpose().name());
        write.addBatch();
      }
      write.executeBatch();
    }
  }

  private ConsentClaim withPolicyInForce(ConsentClaim claim, List<PolicyTimeline.Dated> policies) {
    if (claim.policyVersion() != null) {
      return claim;
    }
    LocalDate day = LocalDate.ofInstant(claim.at(), calendar.zone());
    return claim.withPolicyVersion(PolicyTimeline.inForce(policies, day).orElse(null));
  }

  private record State(boolean granted, java.time.Instant since) {}

  private static Map<String, List<Suppression>> suppressions(
      Connection connection, List<Grant> grants) throws SQLException {
    Set<String> indexes = new LinkedHashSet<>();
    grants.forEach(g -> indexes.add(g.addressIndex()));
    Map<String, List<Suppression>> found = new HashMap<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "select address_index, scope, reason, at from suppression where address_index in ("
                + SqlLists.placeholders(indexes.size())
                + ")")) {
      SqlLists.bind(query, 1, indexes);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          found
              .computeIfAbsent(row.getString(1), k -> new ArrayList<>())
              .add(
                  new Suppression(
                      row.getString(1),
                      row.getString(2),
                      SuppressionReason.valueOf(row.getString(3)),
                      DatabaseTime.instant(row.getObject(4))));
        }
      }
    }
    return found;
  }

  private static Map<String, State> states(Connection connection, Collection<String> customerIds)
      throws SQLException {
    Map<String, State> found = new HashMap<>();
    if (customerIds.isEmpty()) {
      return found;
    }
    try (PreparedStatement query =
        connection.prepareStatement(
            "select customer_id, purpose, granted, since from consent_state where customer_id in ("
                + SqlLists.placeholders(customerIds.size())
                + ")")) {
      SqlLists.bind(query, 1, customerIds);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          found.put(
              row.getString(1) + " " + row.getString(2),
              new State(row.getBoolean(3), DatabaseTime.instant(row.getObject(4))));
        }
      }
    }
    return found;
  }

  private static List<PolicyTimeline.Dated> policies(Connection connection) throws SQLException {
    List<PolicyTimeline.Dated> versions = new ArrayList<>();
    try (PreparedStatement query =
            connection.prepareStatement(
                "select version, effective_on, created_at from policy_version");
        ResultSet row = query.executeQuery()) {
      while (row.next()) {
        versions.add(
            new PolicyTimeline.Dated(
                row.getString(1),
                row.getObject(2, LocalDate.class),
                DatabaseTime.instant(row.getObject(3))));
      }
    }
    return versions;
  }
}
