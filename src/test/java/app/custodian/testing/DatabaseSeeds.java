package app.custodian.testing;

import app.custodian.security.control.BlindIndex;
import app.custodian.security.control.FieldCipher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
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
    String id = UUID.randomUUID().toString();
    execute(
        "insert into customer (id, full_name, email, email_index, locale, created_at, updated_at,"
            + " version) values (?, ?, ?, ?, ?, ?, ?, 0)",
        id,
        cipher.encrypt(fullName),
        cipher.encrypt(email),
        index.email(email),
        locale,
        now(),
        now());
    return id;
  }

  /** Appends a ledger event and sets the current state from it; answers the event id. */
  public String consent(String customerId, String purpose, boolean granted) throws SQLException {
    String eventId = UUID.randomUUID().toString();
    execute(
        "insert into consent_event (id, customer_id, purpose, granted, applied, at, actor, source)"
            + " values (?, ?, ?, ?, true, ?, 'test', 'seed')",
        eventId,
        customerId,
        purpose,
        granted,
        now());
    execute("delete from consent_state where customer_id = ? and purpose = ?", customerId, purpose);
    execute(
        "insert into consent_state (customer_id, purpose, granted, since, event_id)"
            + " values (?, ?, ?, ?, ?)",
        customerId,
        purpose,
        granted,
        now(),
        eventId);
    return eventId;
  }

  public void suppress(String email, String scope) throws SQLException {
    execute(
        "insert into suppression (address_index, scope, reason, at) values (?, ?, 'MANUAL', ?)",
        index.email(email),
        scope,
        now());
  }

  public String campaign(String purpose, boolean advertising, String subject, String text)
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
        "<p>Xin chào {{fullName}}</p><p><a href=\"{{unsubscribeUrl}}\">Hủy đăng ký</a></p>",
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
}
