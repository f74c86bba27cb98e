package app.custodian.customer.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.custodian.audit.boundary.AuditEntryMacMigration;
import app.custodian.audit.boundary.AuditJournal;
import app.custodian.audit.control.EntryMac;
import app.custodian.campaign.boundary.ErasedDeliveries;
import app.custodian.campaign.control.ReturnedMessages;
import app.custodian.security.boundary.IndexKeyMigration;
import app.custodian.security.control.BlindIndex;
import app.custodian.security.control.FieldCipher;
import app.custodian.testing.DatabaseSeeds;
import app.custodian.testing.Queries;
import app.custodian.testing.TestKeys;
import jakarta.enterprise.inject.Instance;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

/**
 * Erasure on the embedded default's database (H2 in PostgreSQL mode, migrated by the same Flyway
 * scripts) of a customer whose mail came back: {@code mail_return} keeps what came back without
 * naming them ({@code on delete set null}), and the campaign keeps its bounced and complained
 * figures. CampaignsIT does the same on PostgreSQL through the API.
 */
class CustomerDeletionsOnH2Test {

  @Test
  void aCustomerWhoseMailCameBackIsErasedAndTheCampaignFiguresStay() throws Exception {
    String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH";
    try (Connection db = DriverManager.getConnection(url, "sa", "")) {
      byte[] key = Base64.getDecoder().decode(TestKeys.random());
      FieldCipher cipher = new FieldCipher(FieldCipher.keyIdOf(key), key);
      Flyway.configure()
          .dataSource(url, "sa", "")
          .locations("classpath:db/migration")
          .javaMigrations(
              new AuditEntryMacMigration(new EntryMac(key)),
              new IndexKeyMigration(null) {
                @Override
                public void migrate(Context context) throws SQLException {
                  IndexKeyMigration.migrate(
                      context.getConnection(), cipher, new BlindIndex(key), key);
                }
              })
          .load()
          .migrate();
      DatabaseSeeds seeds = new DatabaseSeeds(db, cipher, new BlindIndex(key));
      String erased = seeds.customer("Đỗ Minh Tuấn", "tuan@example.vn", "vi");
      String kept = seeds.customer("Ngô Bảo Châu", "chau@example.vn", "vi");
      String campaignId = seeds.campaign("NEWSLETTER", true, "Tin", "{{unsubscribeUrl}}");
      seeds.delivery(campaignId, erased, null, Instant.now());
      seeds.delivery(campaignId, kept, null, Instant.now());
      long toErased = messageKey(db, campaignId, erased);
      long toKept = messageKey(db, campaignId, kept);
      mailReturn(seeds, "SOFT_BOUNCE", toErased, erased, true);
      mailReturn(seeds, "COMPLAINT", toErased, erased, false);
      mailReturn(seeds, "HARD_BOUNCE", toKept, kept, true);
      assertEquals(
          List.of("BOUNCED 2", "COMPLAINED 1"), returned(db, campaignId), "before the erasure");

      db.setAutoCommit(false);
      List<String> deleted =
          deletions(key).delete(db, Map.of(erased, CustomerDeletions.ERASURE_REQUEST), "op", null);
      db.commit();

      assertEquals(List.of(erased), deleted);
      assertEquals(
          List.of("COMPLAINT null", "SOFT_BOUNCE null"),
          Queries.rows(
              db,
              "select kind, customer_id from mail_return where message_key = ? order by kind",
              toErased),
          "what came back stays, naming nobody");
      assertEquals(List.of("BOUNCED 1"), returned(db, campaignId), "the live customer's");
      assertEquals(
          List.of("BOUNCED 1", "COMPLAINED 1", "SENT 1"),
          Queries.rows(
              db,
              "select status, messages from delivery_erased where campaign_id = ? order by status",
              campaignId),
          "the erased customer's, kept as numbers");
    }
  }

  static long messageKey(Connection db, String campaignId, String customerId) throws Exception {
    return Long.parseLong(
        Queries.row(
                db,
                "select message_key from delivery where campaign_id = ? and customer_id = ?",
                campaignId,
                customerId)
            .get(0));
  }

  static void mailReturn(
      DatabaseSeeds seeds, String kind, long messageKey, String customerId, boolean suppressed)
      throws Exception {
    seeds.execute(
        "insert into mail_return (id, source, source_id, kind, message_key, customer_id,"
            + " suppressed, received_at) values (?, 'MAILBOX', ?, ?, ?, ?, ?, ?)",
        UUID.randomUUID().toString(),
        UUID.randomUUID().toString(),
        kind,
        messageKey,
        customerId,
        suppressed,
        Instant.now().atOffset(ZoneOffset.UTC));
  }

  /** The campaign's returned messages by label, as its stats count the live customers'. */
  static List<String> returned(Connection db, String campaignId) throws Exception {
    return Queries.rows(
        db,
        "select label, messages from ("
            + ReturnedMessages.COUNT_BY_CAMPAIGN.formatted("d.campaign_id = ?")
            + ") returned order by label",
        campaignId,
        campaignId);
  }

  /** The deletions as the container wires them, with the campaign's listener only. */
  static CustomerDeletions deletions(byte[] auditKey) throws Exception {
    AuditJournal audit = new AuditJournal();
    Field macs = AuditJournal.class.getDeclaredField("macs");
    macs.setAccessible(true);
    macs.set(audit, new EntryMac(auditKey));
    CustomerDeletions deletions = new CustomerDeletions();
    deletions.audit = audit;
    deletions.listeners = listeners(new ErasedDeliveries());
    return deletions;
  }

  @SuppressWarnings("unchecked")
  static Instance<CustomerDeletionListener> listeners(CustomerDeletionListener... listeners) {
    return (Instance<CustomerDeletionListener>)
        Proxy.newProxyInstance(
            CustomerDeletionsOnH2Test.class.getClassLoader(),
            new Class<?>[] {Instance.class},
            (proxy, method, args) -> {
              if (method.getName().equals("iterator")) {
                return List.of(listeners).iterator();
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
