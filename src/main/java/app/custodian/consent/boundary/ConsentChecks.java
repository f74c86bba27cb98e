package app.custodian.consent.boundary;

import app.custodian.audit.boundary.AuditJournal;
import app.custodian.audit.boundary.AuditTrail;
import app.custodian.consent.entity.Purpose;
import app.custodian.consent.entity.Suppression;
import app.custodian.consent.entity.SuppressionReason;
import app.custodian.platform.control.DatabaseTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Consent and suppression as they stand this moment, read with plain JDBC on the caller's
 * connection, for batch jobs that decide message by message (outside EJB and JPA).
 */
@ApplicationScoped
public class ConsentChecks {

  @Inject AuditJournal audit;

  /**
   * What allows or forbids mailing the customer for the purpose now, in one round trip.
   *
   * @param grantingEvent the ledger event by which consent is granted, or null when it is not
   * @param suppressedAs why the address must not get such mail, or null when it may
   */
  public record Permission(String grantingEvent, SuppressionReason suppressedAs) {}

  public Permission permission(
      Connection connection, String customerId, String addressIndex, Purpose purpose)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "select (select event_id from consent_state"
                + " where customer_id = ? and purpose = ? and granted),"
                + " (select min(reason) from suppression"
                + " where address_index = ? and scope in (?, ?))")) {
      query.setString(1, customerId);
      query.setString(2, purpose.name());
      query.setString(3, addressIndex);
      query.setString(4, Suppression.ALL);
      query.setString(5, purpose.name());
      try (ResultSet row = query.executeQuery()) {
        row.next();
        String reason = row.getString(2);
        return new Permission(
            row.getString(1), reason == null ? null : SuppressionReason.valueOf(reason));
      }
    }
  }

  /**
   * Why the address cannot receive any mail at all, service notices included (a hard bounce, a
   * complaint, an erased person's address), or null when it can. An unsubscribe or a manual
   * suppression stops what a purpose governs, not a service notice.
   */
  public SuppressionReason undeliverable(Connection connection, String addressIndex)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "select min(reason) from suppression where address_index = ? and reason in (?, ?, ?)")) {
      query.setString(1, addressIndex);
      query.setString(2, SuppressionReason.HARD_BOUNCE.name());
      query.setString(3, SuppressionReason.COMPLAINT.name());
      query.setString(4, SuppressionReason.ERASED.name());
      try (ResultSet row = query.executeQuery()) {
        row.next();
        String reason = row.getString(1);
        return reason == null ? null : SuppressionReason.valueOf(reason);
      }
    }
  }

  /** Suppresses the address for every purpose after a permanent rejection, once. */
  public void suppressHardBounce(Connection connection, String addressIndex) throws SQLException {
    suppress(connection, addressIndex, Suppression.ALL, SuppressionReason.HARD_BOUNCE);
  }

  /**
   * Suppresses the address in the scope (a purpose's name or {@link Suppression#ALL}) unless it is
   * already (the first reason stays), audited by the application.
   *
   * @return whether this call added the entry
   */
  public boolean suppress(
      Connection connection, String addressIndex, String scope, SuppressionReason reason)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into suppression (address_index, scope, reason, at) values (?, ?, ?, ?)"
                + " on conflict do nothing")) {
      insert.setString(1, addressIndex);
      insert.setString(2, scope);
      insert.setString(3, reason.name());
      insert.setObject(4, DatabaseTime.now());
      if (insert.executeUpdate() == 1) {
        audit.append(
            connection, AuditTrail.SYSTEM_ACTOR, "SUPPRESSION_ADDED", null, scope + " " + reason);
        return true;
      }
      return false;
    }
  }
}
