package app.custodian.consent.boundary;

import app.custodian.audit.boundary.AuditJournal;
import app.custodian.consent.control.PolicyTimeline;
import app.custodian.consent.entity.ConsentClaim;
import app.custodian.consent.entity.ConsentEmailKind;
import app.custodian.consent.entity.ConsentEvent;
import app.custodian.consent.entity.Purpose;
import app.custodian.platform.boundary.LocalCalendar;
import app.custodian.platform.control.DatabaseTime;
import app.custodian.platform.control.Ids;
import app.custodian.security.control.FieldCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Withdrawals recorded in the consent ledger with plain JDBC on the caller's connection and in its
 * transaction, for batch jobs and other callers outside JPA: the same event and current state as
 * {@link ConsentService} writes (with the policy version in force), the evidence encrypted, and its
 * audit entry.
 */
@ApplicationScoped
public class ConsentWithdrawals {

  @Inject FieldCipher cipher;
  @Inject AuditJournal audit;
  @Inject LocalCalendar calendar;

  /**
   * The person's own unsubscribe by email (the {@code mailto:} of {@code List-Unsubscribe}), as
   * {@link ConsentService#unsubscribe} does for the one-click link: withdraws, and queues the same
   * {@link ConsentEmailKind#WITHDRAWN} confirmation in the caller's transaction. Repeating it
   * changes nothing and confirms nothing. After the commit the caller fires {@code MailQueued} so
   * the confirmation goes out at once (otherwise the dispatcher's next round sends it).
   *
   * @return whether this call withdrew the consent and queued its confirmation
   */
  public boolean unsubscribe(
      Connection connection, String customerId, Purpose purpose, String source, String evidence)
      throws SQLException {
    if (!withdraw(connection, customerId, purpose, ConsentService.DATA_SUBJECT, source, evidence)) {
      return false;
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into consent_notice (id, customer_id, kind, purpose, created_at, attempts,"
                + " next_attempt_at) values (?, ?, ?, ?, ?, 0, ?)")) {
      insert.setString(1, Ids.newId());
      insert.setString(2, customerId);
      insert.setString(3, ConsentEmailKind.WITHDRAWN.name());
      insert.setString(4, purpose.name());
      insert.setObject(5, DatabaseTime.column(now));
      insert.setObject(6, DatabaseTime.column(now));
      insert.executeUpdate();
    }
    return true;
  }

  /**
   * Withdraws the customer's consent for the purpose, unless it is withdrawn already (a consent
   * never given is recorded as withdrawn, so that a later claim cannot be taken for the first).
   *
   * @param actor who withdrew: {@link ConsentService#DATA_SUBJECT} or the application
   * @param source how, e.g. {@code COMPLAINT}
   * @param evidence ids only, e.g. {@code mail_return <id>}
   * @return whether this call recorded a withdrawal (false also for a customer no longer there)
   */
  public boolean withdraw(
      Connection connection,
      String customerId,
      Purpose purpose,
      String actor,
      String source,
      String evidence)
      throws SQLException {
    if (!lockCustomer(connection, customerId)) {
      return false;
    }
    Boolean granted = granted(connection, customerId, purpose);
    if (Boolean.FALSE.equals(granted)) {
      return false;
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    ConsentEvent event =
        ConsentEvent.applied(
            customerId, new ConsentClaim(purpose, false, now, actor, source, null, evidence));
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into consent_event (id, customer_id, purpose, granted, applied, at, actor,"
                + " source, evidence, policy_version) values (?, ?, ?, false, true, ?, ?, ?, ?, ?)")) {
      insert.setString(1, event.id());
      insert.setString(2, customerId);
      insert.setString(3, purpose.name());
      insert.setObject(4, DatabaseTime.column(now));
      insert.setString(5, actor);
      insert.setString(6, source);
      insert.setBytes(7, evidence == null ? null : cipher.encrypt(evidence));
      insert.setString(8, policyVersionInForce(connection, now).orElse(null));
      insert.executeUpdate();
    }
    String state =
        granted == null
            ? "insert into consent_state (granted, since, event_id, customer_id, purpose)"
                + " values (false, ?, ?, ?, ?)"
            : "update consent_state set granted = false, since = ?, event_id = ?"
                + " where customer_id = ? and purpose = ?";
    try (PreparedStatement write = connection.prepareStatement(state)) {
      write.setObject(1, DatabaseTime.column(now));
      write.setString(2, event.id());
      write.setString(3, customerId);
      write.setString(4, purpose.name());
      write.executeUpdate();
    }
    audit.append(connection, actor, "CONSENT_WITHDRAWN", customerId, purpose + " " + event.id());
    return true;
  }

  /** The policy version in force at that moment, as {@link ConsentService} records it. */
  private Optional<String> policyVersionInForce(Connection connection, Instant at)
      throws SQLException {
    LocalDate day = LocalDate.ofInstant(at, calendar.zone());
    List<PolicyTimeline.Dated> versions = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "select version, effective_on, created_at from policy_version where effective_on <= ?")) {
      query.setObject(1, day);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          versions.add(
              new PolicyTimeline.Dated(
                  row.getString(1),
                  row.getObject(2, LocalDate.class),
                  DatabaseTime.instant(row.getObject(3))));
        }
      }
    }
    return PolicyTimeline.inForce(versions, day);
  }

  private static boolean lockCustomer(Connection connection, String customerId)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("select id from customer where id = ? for update")) {
      query.setString(1, customerId);
      try (ResultSet row = query.executeQuery()) {
        return row.next();
      }
    }
  }

  /** Whether the consent is granted now; null when it was never set. */
  private static Boolean granted(Connection connection, String customerId, Purpose purpose)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "select granted from consent_state where customer_id = ? and purpose = ?")) {
      query.setString(1, customerId);
      query.setString(2, purpose.name());
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? row.getBoolean(1) : null;
      }
    }
  }
}
