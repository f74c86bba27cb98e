package app.custodian.testing;

import app.custodian.security.control.BlindIndex;
import app.custodian.security.control.FieldCipher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Rows as the application writes them (encrypted fields, blind indexes, ledger and state in step),
 * for tests that run jobs without the rest of the application.
 */
public final class DatabaseSeeds {

  private final Connection connection;
  private final FieldCipher cipher;
  private final BlindIndex index;

  public DatabaseSeeds(Connection connection, FieldCipher cipher, BlindIndex index) {
    this.connection = connection;
    this.cipher = cipher;
    this.index = index;
  }

  public String customer(String fullName, String email, String locale) throws SQLException {
    return customer(fullName, email, locale, Instant.now());
  }

  /** A customer created, and last changed, at the given time; with their name's word indexes. */
  public String customer(String fullName, String email, String locale, Instant createdAt)
      throws SQLException {
    String id = UUID.randomUUID().toString();
    execute(
        "insert into customer (id, full_name, email, email_index, locale, created_at, updated_at,"
            + " version) values (?, ?, ?, ?, ?, ?, ?, 0)",
        id,
        cipher.encrypt(fullName),
        cipher.encrypt(email),
        index.email(email),
        locale,
        at(createdAt),
        at(createdAt));
    for (String word : index.nameWords(fullName)) {
      execute("insert into customer_name_word (customer_id, word_index) values (?, ?)", id, word);
    }
    return id;
  }

  /** Places the customer under legal hold (the reason is encrypted, as the application does). */
  public void legalHold(String customerId, String reason) throws SQLException {
    execute(
        "update customer set legal_hold_reason = ? where id = ?",
        cipher.encrypt(reason),
        customerId);
  }

  /** Appends a ledger event and sets the current state from it; answers the event id. */
  public String consent(String customerId, String purpose, boolean granted) throws SQLException {
    return consent(customerId, purpose, granted, Instant.now());
  }

  /** A ledger event at the given time, and the current state from it; answers the event id. */
  public String consent(String customerId, String purpose, boolean granted, Instant at)
      throws SQLException {
    String eventId = UUID.randomUUID().toString();
    execute(
        "insert into consent_event (id, customer_id, purpose, granted, applied, at, actor, source)"
            + " values (?, ?, ?, ?, true, ?, 'test', 'seed')",
        eventId,
        customerId,
        purpose,
        granted,
        at(at));
    execute("delete from consent_state where customer_id = ? and purpose = ?", customerId, purpose);
    execute(
        "insert into consent_state (customer_id, purpose, granted, since, event_id)"
            + " values (?, ?, ?, ?, ?)",
        customerId,
        purpose,
        granted,
        at(at),
        eventId);
    return eventId;
  }

  /** A confirmation email waiting to go out. */
  public void consentNotice(String customerId, String kind, String purpose) throws SQLException {
    execute(
        "insert into consent_notice (id, customer_id, kind, purpose, created_at, next_attempt_at)"
            + " values (?, ?, ?, ?, ?, ?)",
        UUID.randomUUID().toString(),
        customerId,
        kind,
        purpose,
        now(),
        now());
  }

  /**
   * A contract; answers its id.
   *
   * @param endedOn the day it was terminated, or null while it runs to {@code endsOn}
   */
  public String contract(
      String customerId, String reference, LocalDate startsOn, LocalDate endsOn, LocalDate endedOn)
      throws SQLException {
    String id = UUID.randomUUID().toString();
    execute(
        "insert into contract (id, customer_id, reference, service, starts_on, ends_on, ended_on,"
            + " created_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
        id,
        customerId,
        reference,
        "Lưu trữ hồ sơ",
        startsOn,
        endsOn,
        endedOn,
        now());
    return id;
  }

  /** A renewal reminder sent by an earlier run. */
  public void renewalReminderSent(
      String contractId, int offsetDays, String customerId, String consentEventId, Instant at)
      throws SQLException {
    execute(
        "insert into renewal_reminder (contract_id, offset_days, customer_id, execution_id, status,"
            + " consent_event_id, attempted_at, sent_at, message_id)"
            + " values (?, ?, ?, 0, 'SENT', ?, ?, ?, ?)",
        contractId,
        offsetDays,
        customerId,
        consentEventId,
        at(at),
        at(at),
        "<" + UUID.randomUUID() + "@custodian>");
  }

  /** A campaign message sent to the customer at the given time. */
  public void delivery(String campaignId, String customerId, String consentEventId, Instant at)
      throws SQLException {
    execute(
        "insert into delivery (campaign_id, customer_id, status, advertising, consent_event_id,"
            + " attempted_at, sent_at, message_id) values (?, ?, 'SENT', true, ?, ?, ?, ?)",
        campaignId,
        customerId,
        consentEventId,
        at(at),
        at(at),
        "<" + UUID.randomUUID() + "@custodian>");
  }

  public void suppress(String email, String scope) throws SQLException {
    suppress(email, scope, "MANUAL");
  }

  public void suppress(String email, String scope, String reason) throws SQLException {
    execute(
        "insert into suppression (address_index, scope, reason, at) values (?, ?, ?, ?)",
        index.email(email),
        scope,
        reason,
        now());
  }

  /** A version of the privacy policy. */
  public void policy(
      String version, LocalDate effectiveOn, String summaryVi, String summaryEn, boolean adverse)
      throws SQLException {
    execute(
        "insert into policy_version (version, effective_on, summary_vi, summary_en, adverse,"
            + " created_at, created_by) values (?, ?, ?, ?, ?, ?, 'test')",
        version,
        effectiveOn,
        summaryVi,
        summaryEn,
        adverse,
        now());
  }

  /** An incident affecting the customers; answers its id. */
  public String incident(
      Instant detectedAt,
      String description,
      String categories,
      String consequences,
      String measures,
      String... customerIds)
      throws SQLException {
    String id = UUID.randomUUID().toString();
    execute(
        "insert into incident (id, detected_at, description, data_categories, likely_consequences,"
            + " measures_taken, affected_customers, created_at, created_by)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, 'test')",
        id,
        at(detectedAt),
        description,
        categories,
        consequences,
        measures,
        customerIds.length,
        now());
    for (String customerId : customerIds) {
      execute(
          "insert into incident_customer (incident_id, customer_id) values (?, ?)", id, customerId);
    }
    return id;
  }

  /** A notice row as a run left it, say PENDING when its process died. */
  public void noticeDelivery(
      String kind, String reference, String customerId, long executionId, String status)
      throws SQLException {
    execute(
        "insert into notice_delivery (kind, reference, customer_id, execution_id, status,"
            + " attempted_at) values (?, ?, ?, ?, ?, ?)",
        kind,
        reference,
        customerId,
        executionId,
        status,
        now());
  }

  public String campaign(String purpose, boolean advertising, String subject, String text)
      throws SQLException {
    return campaign(
        purpose,
        advertising,
        subject,
        text,
        "<p>Xin chào {{fullName}}</p><p><a href=\"{{unsubscribeUrl}}\">Hủy đăng ký</a></p>");
  }

  /** A DRAFT campaign written straight into the table, as one saved under older rules would be. */
  public String campaign(
      String purpose, boolean advertising, String subject, String text, String html)
      throws SQLException {
    String id = UUID.randomUUID().toString();
    execute(
        "insert into campaign (id, name, purpose, advertising, subject, text_body, html_body,"
            + " status, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, 'test')",
        id,
        "test campaign",
        purpose,
        advertising,
        subject,
        text,
        html,
        now());
    return id;
  }

  /** An advertising message of another campaign, at the given time. */
  public void earlierAdvertising(String customerId, Instant at) throws SQLException {
    String campaignId = campaign("NEWSLETTER", true, "earlier", "{{unsubscribeUrl}}");
    execute(
        "insert into delivery (campaign_id, customer_id, status, advertising, attempted_at)"
            + " values (?, ?, 'SENT', true, ?)",
        campaignId,
        customerId,
        at.atOffset(ZoneOffset.UTC));
  }

  /**
   * A privacy request received and verified at {@code receivedAt}; closed at {@code closedAt} when
   * its status is COMPLETED or REFUSED (refused for an encrypted reason). Answers its id.
   */
  public String privacyRequest(
      String customerId, String type, String status, Instant receivedAt, Instant closedAt)
      throws SQLException {
    String id = UUID.randomUUID().toString();
    LocalDate received = LocalDate.ofInstant(receivedAt, ZoneOffset.UTC);
    execute(
        "insert into privacy_request (id, customer_id, type, channel, status, received_at,"
            + " acknowledge_by, due_by, acknowledged_at, verification_method, verified_at,"
            + " refusal_reason, reason_for_person, completed_at, created_at)"
            + " values (?, ?, ?, 'EMAIL', ?, ?, ?, ?, ?, 'EMAIL_LINK', ?, ?, ?, ?, ?)",
        id,
        customerId,
        type,
        status,
        at(receivedAt),
        received.plusDays(2),
        received.plusDays(21),
        at(receivedAt),
        at(receivedAt),
        status.equals("REFUSED") ? cipher.encrypt("legal hold: case 7") : null,
        status.equals("REFUSED") ? cipher.encrypt("the law requires it") : null,
        closedAt == null ? null : at(closedAt),
        at(receivedAt));
    return id;
  }

  /** An email about a privacy request waiting to go out. */
  public void privacyNotice(String customerId, String requestId, String kind) throws SQLException {
    execute(
        "insert into privacy_notice (id, request_id, customer_id, kind, created_at,"
            + " next_attempt_at) values (?, ?, ?, ?, ?, ?)",
        UUID.randomUUID().toString(),
        requestId,
        customerId,
        kind,
        now(),
        now());
  }

  public void execute(String sql, Object... values) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      statement.executeUpdate();
    }
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
