package app.custodian.bench;

import app.custodian.security.control.BlindIndex;
import app.custodian.security.control.FieldCipher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Writes the audience straight into Custodian's tables with JDBC batches, as the application writes
 * them: personal fields encrypted and the email's blind index with the application's own classes
 * and keys, and for each opted-in customer a consent ledger event with its current state. Much
 * faster than the API, which the GET-by-id benchmark already measures.
 */
final class AudienceSeeder {

  private static final int BATCH = 1000;
  private static final int COMMIT_EVERY = 10_000;

  private final FieldCipher cipher;
  private final BlindIndex index;

  AudienceSeeder(FieldCipher cipher, BlindIndex index) {
    this.cipher = cipher;
    this.index = index;
  }

  void seed(Connection connection, Audience audience) throws SQLException {
    connection.setAutoCommit(false);
    try (Statement settings = connection.createStatement()) {
      settings.execute("set synchronous_commit = off"); // seeding is not what is measured
    }
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    long started = System.nanoTime();
    long lastReport = started;
    try (PreparedStatement customer =
            connection.prepareStatement(
                "insert into customer (id, full_name, email, email_index, locale, source,"
                    + " created_at, updated_at, version) values (?, ?, ?, ?, 'vi', 'bench', ?, ?,"
                    + " 0)");
        PreparedStatement event =
            connection.prepareStatement(
                "insert into consent_event (id, customer_id, purpose, granted, applied, at,"
                    + " actor, source, policy_version) values (?, ?, 'NEWSLETTER', true, true, ?,"
                    + " 'bench', 'bench-seed', '2026-01')");
        PreparedStatement state =
            connection.prepareStatement(
                "insert into consent_state (customer_id, purpose, granted, since, event_id)"
                    + " values (?, 'NEWSLETTER', true, ?, ?)")) {
      for (int n = 0; n < audience.customers(); n++) {
        String id = UUID.randomUUID().toString();
        String email = SmtpSink.address(n);
        customer.setString(1, id);
        customer.setBytes(2, cipher.encrypt(Audience.fullName(n)));
        customer.setBytes(3, cipher.encrypt(email));
        customer.setString(4, index.email(email));
        customer.setObject(5, now);
        customer.setObject(6, now);
        customer.addBatch();
        if (audience.optedIn(n)) {
          String eventId = UUID.randomUUID().toString();
          event.setString(1, eventId);
          event.setString(2, id);
          event.setObject(3, now);
          event.addBatch();
          state.setString(1, id);
          state.setObject(2, now);
          state.setString(3, eventId);
          state.addBatch();
        }
        int done = n + 1;
        if (done % BATCH == 0 || done == audience.customers()) {
          customer.executeBatch();
          event.executeBatch();
          state.executeBatch();
          if (done % COMMIT_EVERY == 0 || done == audience.customers()) {
            connection.commit();
          }
          long clock = System.nanoTime();
          if (clock - lastReport >= 10_000_000_000L) {
            System.out.printf(
                "  seeded %,d of %,d (%.0f customers/s)%n",
                done, audience.customers(), done / ((clock - started) / 1e9));
            lastReport = clock;
          }
        }
      }
    }
    connection.setAutoCommit(true);
    try (Statement analyze = connection.createStatement()) {
      // as a live database's autovacuum would have done by the time a campaign goes out
      analyze.execute("analyze customer, consent_event, consent_state");
    }
  }
}
