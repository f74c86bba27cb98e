package app.custodian.consent.boundary;

import app.custodian.audit.boundary.AuditJournal;
import app.custodian.audit.boundary.AuditTrail;
import app.custodian.consent.entity.Purpose;
import app.custodian.consent.entity.Suppression;
import app.custodian.consent.entity.SuppressionReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Consent and suppression as they stand this moment, read with plain JDBC on the caller's
 * connection, for batch jobs that decide message by message (outside EJB and JPA).
 */
@ApplicationScoped
public class ConsentChecks {

  @Inject AuditJournal audit;

  /** The ledger event by which the customer's consent to the purpose is granted, or empty. */
  public Optional<String> grantingEvent(Connection connection, String customerId, Purpose purpose)
      throws SQLException {
    return firstString(
        connection,
        "select event_id from consent_state where customer_id = ? and purpose = ? and granted",
        customerId,
        purpose.name());
  }

  /** Why the address must not get mail of this purpose, or empty when it may. */
  public Optional<SuppressionReason> suppression(
      Connection connection, String addressIndex, Purpose purpose) throws SQLException {
    return firstString(
            connection,
            "select reason from suppression where address_index = ? and scope in (?, ?)"
                + " order by scope",
            addressIndex,
            Suppression.ALL,
            purpose.name())
        .map(SuppressionReason::valueOf);
  }

  /** Suppresses the address for every purpose after a permanent rejection, once. */
  public void suppressHardBounce(Connection connection, String addressIndex) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into suppression (address_index, scope, reason, at) values (?, ?, ?, ?)"
                + " on conflict do nothing")) {
      insert.setString(1, addressIndex);
      insert.setString(2, Suppression.ALL);
      insert.setString(3, SuppressionReason.HARD_BOUNCE.name());
      insert.setObject(4, Instant.now().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
      if (insert.executeUpdate() == 1) {
        audit.append(
            connection,
            AuditTrail.SYSTEM_ACTOR,
            "SUPPRESSION_ADDED",
            null,
            Suppression.ALL + " " + SuppressionReason.HARD_BOUNCE);
      }
    }
  }

  private static Optional<String> firstString(Connection connection, String sql, String... values)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        query.setString(i + 1, values[i]);
      }
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
      }
    }
  }
}
