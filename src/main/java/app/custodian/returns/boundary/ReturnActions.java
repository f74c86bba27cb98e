package app.custodian.returns.boundary;

import app.custodian.audit.boundary.AuditJournal;
import app.custodian.audit.boundary.AuditTrail;
import app.custodian.consent.boundary.ConsentChecks;
import app.custodian.consent.boundary.ConsentLinks;
import app.custodian.consent.boundary.ConsentLinks.PurposeLink;
import app.custodian.consent.boundary.ConsentWithdrawals;
import app.custodian.consent.entity.Purpose;
import app.custodian.consent.entity.Suppression;
import app.custodian.consent.entity.SuppressionReason;
import app.custodian.customer.boundary.Recipient;
import app.custodian.customer.boundary.Recipients;
import app.custodian.delivery.boundary.ReturnPaths;
import app.custodian.delivery.control.DeliveryTables;
import app.custodian.delivery.control.SentMessage;
import app.custodian.mail.boundary.MailQueued;
import app.custodian.platform.control.DatabaseTime;
import app.custodian.platform.control.Ids;
import app.custodian.returns.control.ReturnedMail;
import app.custodian.returns.control.ReturnedMail.Kind;
import app.custodian.security.control.BlindIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Acts on one classified return exactly once, on the caller's connection and in its transaction:
 * records the {@code mail_return} row (unique per source and source id), and only when this call
 * recorded it, maps it to its message and customer and does what api.md's "Mail returns" says. A
 * return already recorded changes nothing. Audited with ids only.
 */
@ApplicationScoped
public class ReturnActions {

  /** Where a return came from. */
  public enum Source {
    MAILBOX,
    WEBHOOK
  }

  /**
   * What one recorded return did; ids only. {@code confirmationQueued}: a withdrawal confirmation
   * waits in the outbox, to be sent once the caller has committed (see {@link #committed}).
   */
  public record Outcome(
      String mailReturnId,
      Kind kind,
      Long messageKey,
      String customerId,
      boolean suppressed,
      boolean confirmationQueued) {}

  /** The purposes that advertising can be sent for: a complaint stops them all. */
  static final List<Purpose> ADVERTISING = List.of(Purpose.NEWSLETTER, Purpose.SURVEY);

  static final String COMPLAINT_SOURCE = "COMPLAINT";
  static final String MAILTO_SOURCE = "email-mailto";
  static final String PROVIDER_SOURCE = "provider-report";

  @Inject ReturnPaths returnPaths;
  @Inject ConsentLinks links;
  @Inject ConsentChecks consentChecks;
  @Inject ConsentWithdrawals withdrawals;
  @Inject Recipients recipients;
  @Inject BlindIndex blindIndex;
  @Inject AuditJournal audit;
  @Inject ReturnSettings settings;
  @Inject Event<MailQueued> mailQueued;

  /**
   * @param sourceId the returned email's Message-ID (else a digest of its bytes), or a digest of
   *     the webhook's body
   * @param byRecipient whether the recipient alone may name the customer (a signed webhook), when
   *     nothing names the message
   * @param executionId the {@code mail-returns} execution that reads it; null for the webhook
   * @return what it did; empty when this return was recorded before
   */
  public Optional<Outcome> act(
      Connection connection,
      Source source,
      String sourceId,
      ReturnedMail returned,
      boolean byRecipient,
      Long executionId)
      throws SQLException {
    Optional<SentMessage> message = message(connection, returned);
    Optional<PurposeLink> unsubscribe =
        returned.kind() == Kind.UNSUBSCRIBE
            ? returned.unsubscribeToken().flatMap(links::purposeLink)
            : Optional.empty();
    if (returned.kind() == Kind.UNSUBSCRIBE && unsubscribe.isEmpty() && message.isPresent()) {
      unsubscribe = unsubscribedFrom(connection, message.get());
    }
    Optional<String> customerId =
        unsubscribe
            .map(PurposeLink::customerId)
            .or(() -> message.map(SentMessage::customerId))
            .or(
                () ->
                    returned
                        .originalUnsubscribeToken()
                        .flatMap(links::purposeLink)
                        .map(PurposeLink::customerId));
    if (customerId.isEmpty() && byRecipient) {
      customerId = customerOf(connection, returned.recipient());
    }
    Optional<Recipient> recipient =
        customerId.isPresent() ? recipients.read(connection, customerId.get()) : Optional.empty();
    Long messageKey = message.map(SentMessage::messageKey).orElse(null);
    String id = Ids.newId();
    if (!insert(connection, id, source, sourceId, returned, messageKey, recipient, executionId)) {
      return Optional.empty();
    }
    boolean suppressed = false;
    boolean confirmationQueued = false;
    if (recipient.isPresent()) {
      Recipient person = recipient.get();
      suppressed =
          switch (returned.kind()) {
            case HARD_BOUNCE ->
                consentChecks.suppress(
                    connection,
                    person.emailIndex(),
                    Suppression.ALL,
                    SuppressionReason.HARD_BOUNCE);
            case SOFT_BOUNCE -> softBounce(connection, person);
            case COMPLAINT -> {
              complaint(connection, person, id);
              yield false;
            }
            case UNSUBSCRIBE -> {
              if (unsubscribe.isPresent()) {
                confirmationQueued =
                    unsubscribed(connection, source, person, unsubscribe.get(), id);
              }
              yield false;
            }
            case AUTO_REPLY, UNMATCHED -> false;
          };
      if (suppressed) {
        markSuppressed(connection, id);
      }
    }
    String customer = recipient.map(Recipient::customerId).orElse(null);
    audit.append(
        connection,
        AuditTrail.SYSTEM_ACTOR,
        "MAIL_RETURN_" + returned.kind(),
        customer,
        "mail_return "
            + id
            + (messageKey == null ? "" : " message " + messageKey)
            + (suppressed ? " suppressed" : ""));
    return Optional.of(
        new Outcome(id, returned.kind(), messageKey, customer, suppressed, confirmationQueued));
  }

  /**
   * To be called once the transaction of {@link #act} has committed: sends the confirmations it
   * queued now rather than at the dispatcher's next round. Outside a JTA transaction (the job's and
   * the webhook's plain JDBC) the after-commit observers of {@link MailQueued} run at once.
   */
  public void committed(List<Outcome> outcomes) {
    if (outcomes.stream().anyMatch(Outcome::confirmationQueued)) {
      mailQueued.fire(new MailQueued());
    }
  }

  private Optional<SentMessage> message(Connection connection, ReturnedMail returned)
      throws SQLException {
    OptionalLong key =
        returned.verpToken().map(returnPaths::messageKey).orElse(OptionalLong.empty());
    if (key.isEmpty() && returned.recipient().isPresent()) {
      key = returnPaths.messageKeyOfAddress(returned.recipient().get());
    }
    if (key.isPresent()) {
      Optional<SentMessage> found = DeliveryTables.find(connection, key.getAsLong());
      if (found.isPresent()) {
        return found;
      }
    }
    if (returned.originalMessageId().isPresent()) {
      return DeliveryTables.findByMessageId(connection, returned.originalMessageId().get());
    }
    return Optional.empty();
  }

  /**
   * What an unsubscribe without a token (a provider's report) withdraws: the purpose of the message
   * it answers (a campaign's, or renewal reminders); nothing for a service notice.
   */
  private static Optional<PurposeLink> unsubscribedFrom(Connection connection, SentMessage message)
      throws SQLException {
    if (message.customerId() == null) {
      return Optional.empty();
    }
    if (message.table().equals("renewal_reminder")) {
      return Optional.of(new PurposeLink(message.customerId(), Purpose.RENEWAL_REMINDER, null));
    }
    if (!message.table().equals("delivery")) {
      return Optional.empty();
    }
    try (PreparedStatement query =
        connection.prepareStatement("select purpose from campaign where id = ?")) {
      query.setString(1, message.rowKey().get(0));
      try (ResultSet row = query.executeQuery()) {
        return row.next()
            ? Purpose.parse(row.getString(1))
                .map(p -> new PurposeLink(message.customerId(), p, null))
            : Optional.empty();
      }
    }
  }

  private Optional<String> customerOf(Connection connection, Optional<String> address)
      throws SQLException {
    if (address.isEmpty()) {
      return Optional.empty();
    }
    try (PreparedStatement query =
        connection.prepareStatement("select id from customer where email_index = ?")) {
      query.setString(1, blindIndex.email(address.get()));
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
      }
    }
  }

  private static boolean insert(
      Connection connection,
      String id,
      Source source,
      String sourceId,
      ReturnedMail returned,
      Long messageKey,
      Optional<Recipient> recipient,
      Long executionId)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into mail_return (id, source, source_id, kind, status_code, diagnostic,"
                + " message_key, customer_id, suppressed, received_at, execution_id)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?) on conflict do nothing")) {
      insert.setString(1, id);
      insert.setString(2, source.name());
      insert.setString(3, sourceId);
      insert.setString(4, returned.kind().name());
      insert.setString(5, returned.statusCode().orElse(null));
      insert.setString(
          6, returned.redactedDiagnostic().isEmpty() ? null : returned.redactedDiagnostic());
      if (messageKey == null) {
        insert.setNull(7, Types.BIGINT);
      } else {
        insert.setLong(7, messageKey);
      }
      insert.setString(8, recipient.map(Recipient::customerId).orElse(null));
      insert.setObject(9, DatabaseTime.now());
      if (executionId == null) {
        insert.setNull(10, Types.BIGINT);
      } else {
        insert.setLong(10, executionId);
      }
      return insert.executeUpdate() == 1;
    }
  }

  /** The soft bounce that reaches the limit within the window suppresses the address. */
  private boolean softBounce(Connection connection, Recipient person) throws SQLException {
    try (PreparedStatement count =
        connection.prepareStatement(
            "select count(*) from mail_return where customer_id = ? and kind = ?"
                + " and received_at >= ?")) {
      count.setString(1, person.customerId());
      count.setString(2, Kind.SOFT_BOUNCE.name());
      count.setObject(3, DatabaseTime.column(Instant.now().minus(settings.softBounceWindow())));
      try (ResultSet row = count.executeQuery()) {
        row.next();
        if (row.getLong(1) < settings.softBounceLimit()) {
          return false;
        }
      }
    }
    return consentChecks.suppress(
        connection, person.emailIndex(), Suppression.ALL, SuppressionReason.SOFT_BOUNCE_LIMIT);
  }

  /**
   * A complaint withdraws without the confirmation email an unsubscribe gets: the person reported
   * our mail as spam, and one more message to them would be one more complaint.
   */
  private void complaint(Connection connection, Recipient person, String mailReturnId)
      throws SQLException {
    for (Purpose purpose : ADVERTISING) {
      consentChecks.suppress(
          connection, person.emailIndex(), purpose.name(), SuppressionReason.COMPLAINT);
      withdrawals.withdraw(
          connection,
          person.customerId(),
          purpose,
          AuditTrail.SYSTEM_ACTOR,
          COMPLAINT_SOURCE,
          "mail_return " + mailReturnId);
    }
  }

  /**
   * As the one-click unsubscribe: suppressed for the purpose, withdrawn, and confirmed once.
   *
   * @return whether a confirmation was queued (not when it was withdrawn already)
   */
  private boolean unsubscribed(
      Connection connection, Source source, Recipient person, PurposeLink link, String mailReturnId)
      throws SQLException {
    consentChecks.suppress(
        connection, person.emailIndex(), link.purpose().name(), SuppressionReason.UNSUBSCRIBED);
    boolean mailto = source == Source.MAILBOX;
    return withdrawals.unsubscribe(
        connection,
        person.customerId(),
        link.purpose(),
        mailto ? MAILTO_SOURCE : PROVIDER_SOURCE,
        (mailto ? "mailto unsubscribe" : "provider's unsubscribe report")
            + ", mail_return "
            + mailReturnId
            + (link.issuedAt() == null ? "" : ", link issued " + link.issuedAt()));
  }

  private static void markSuppressed(Connection connection, String id) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement("update mail_return set suppressed = true where id = ?")) {
      update.setString(1, id);
      update.executeUpdate();
    }
  }
}
