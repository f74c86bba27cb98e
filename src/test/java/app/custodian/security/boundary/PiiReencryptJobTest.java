package app.custodian.security.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.security.control.BlindIndex;
import app.custodian.security.control.EncryptedColumns;
import app.custodian.security.control.FieldCipher;
import app.custodian.testing.DatabaseSeeds;
import app.custodian.testing.JobTestCase;
import app.custodian.testing.JobTestbed;
import app.custodian.testing.JobsOnJBeret;
import app.custodian.testing.Queries;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code pii-reencrypt} job on JBeret SE against real PostgreSQL: values written under a
 * retired PII key are all written again under the current one and still read the same; a run that
 * dies midway goes on from its last checkpoint; and no encrypted column of the schema is left out.
 */
class PiiReencryptJobTest extends JobTestCase {

  static final String JOB = "pii-reencrypt";
  static final int CUSTOMERS = 2500;

  FieldCipher current;
  FieldCipher retired;
  DatabaseSeeds underRetiredKey;

  @BeforeEach
  void empty() throws Exception {
    bed.empty(
        db, "customer", "privacy_request", "privacy_notice", "legacy_index_key", "audit_entry");
    current = JobsOnJBeret.bean(FieldCipher.class);
    byte[] a = Base64.getDecoder().decode(JobTestbed.RETIRED_PII_KEY);
    retired = new FieldCipher(FieldCipher.keyIdOf(a), a);
    underRetiredKey = new DatabaseSeeds(db, retired, JobsOnJBeret.bean(BlindIndex.class));
  }

  @Test
  void everyEncryptedSchemaColumnIsRewrittenByTheJob() throws Exception {
    TreeSet<String> schema =
        new TreeSet<>(
            Queries.column(
                db,
                "select table_name || '.' || column_name from information_schema.columns"
                    + " where table_schema = current_schema() and data_type = 'bytea'"));
    TreeSet<String> listed = new TreeSet<>();
    for (EncryptedColumns.Table table : EncryptedColumns.ALL) {
      table.columns().forEach(c -> listed.add(table.name() + "." + c));
    }
    assertEquals(schema, listed);
  }

  @Test
  void everyValueUnderARetiredKeyIsWrittenAgainUnderTheCurrentOneAndReadsTheSame()
      throws Exception {
    Map<String, String> plaintexts = seedUnderRetiredKey(CUSTOMERS);

    JobExecution run = run();

    assertEquals(BatchStatus.COMPLETED, run.getBatchStatus());
    assertEquals(
        CUSTOMERS + 4, JobsOnJBeret.metric(run, "reencrypt", Metric.MetricType.WRITE_COUNT));
    assertEquals(plaintexts, readAll(current));
    assertEquals(0, valuesNotUnder(current.currentKeyId()));
    assertEquals(
        List.of("pii-reencrypt"),
        Queries.column(db, "select actor from audit_entry where action = 'PII_REENCRYPTED'"));

    JobExecution again = run();
    assertEquals(BatchStatus.COMPLETED, again.getBatchStatus());
    assertEquals(0, JobsOnJBeret.metric(again, "reencrypt", Metric.MetricType.WRITE_COUNT));
    assertEquals(plaintexts, readAll(current), "a second run changes nothing");
  }

  @Test
  void aRunThatDiesMidwayGoesOnFromItsLastCheckpoint() throws Exception {
    Map<String, String> plaintexts = seedUnderRetiredKey(CUSTOMERS);
    // a value no configured key can read, after the first chunk: the run fails there
    List<String> ids = Queries.column(db, "select id from customer order by id");
    String poisoned = ids.get(1500);
    byte[] unknownKey = new byte[32];
    FieldCipher unknown = new FieldCipher("unknown", unknownKey);
    underRetiredKey.execute(
        "update customer set email = ? where id = ?", unknown.encrypt("x@example.vn"), poisoned);

    long execution = JobsOnJBeret.start(JOB, chunks(1000));
    JobExecution failed = JobsOnJBeret.awaitEnd(execution, JobTestbed.TIMEOUT);

    assertEquals(BatchStatus.FAILED, failed.getBatchStatus());
    assertEquals(1000, JobsOnJBeret.metric(failed, "reencrypt", Metric.MetricType.WRITE_COUNT));
    long stillRetired = valuesNotUnder(current.currentKeyId());
    assertTrue(stillRetired > 0);

    underRetiredKey.execute(
        "update customer set email = ? where id = ?",
        retired.encrypt(plaintexts.get("customer.email." + poisoned)),
        poisoned);
    long restarted = JobsOnJBeret.operator().restart(execution, new Properties());
    JobExecution done = JobsOnJBeret.awaitEnd(restarted, JobTestbed.TIMEOUT);

    assertEquals(BatchStatus.COMPLETED, done.getBatchStatus());
    assertEquals(
        CUSTOMERS + 4 - 1000,
        JobsOnJBeret.metric(done, "reencrypt", Metric.MetricType.READ_COUNT),
        "the restart reads on from the checkpoint, not from the start");
    assertEquals(
        CUSTOMERS + 4 - 1000,
        JobsOnJBeret.metric(done, "reencrypt", Metric.MetricType.WRITE_COUNT));
    assertEquals(plaintexts, readAll(current));
    assertEquals(0, valuesNotUnder(current.currentKeyId()));
  }

  private JobExecution run() {
    return bed.run(JOB, chunks(1000));
  }

  private static Properties chunks(int size) {
    Properties parameters = new Properties();
    parameters.setProperty("chunkSize", Integer.toString(size));
    return parameters;
  }

  /**
   * Customers with every personal field, one on legal hold, one with consent evidence, a refused
   * privacy request, an erasure notice with its address, the legacy index key: all under the
   * retired key. Answers each value's plaintext by table, column and id.
   */
  private Map<String, String> seedUnderRetiredKey(int customers) throws Exception {
    db.setAutoCommit(false);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < customers; i++) {
      String id = underRetiredKey.customer("Nguyễn Văn " + i, "c" + i + "@example.vn", "vi");
      ids.add(id);
      underRetiredKey.execute(
          "update customer set phone = ?, address = ?, organization = ?, job_title = ?, fax = ?"
              + " where id = ?",
          retired.encrypt("+8490000" + i),
          retired.encrypt(i + " Lý Thường Kiệt, Hà Nội"),
          retired.encrypt("Công ty " + i),
          retired.encrypt("Kế toán"),
          retired.encrypt("+8424000" + i),
          id);
    }
    db.commit();
    db.setAutoCommit(true);
    underRetiredKey.legalHold(ids.get(0), "vụ kiện 12");
    underRetiredKey.execute(
        "insert into consent_event (id, customer_id, purpose, granted, applied, at, actor, source,"
            + " evidence) values (?, ?, 'NEWSLETTER', true, true, now(), 'test', 'form', ?)",
        java.util.UUID.randomUUID().toString(),
        ids.get(1),
        retired.encrypt("signed form 7"));
    String request =
        underRetiredKey.privacyRequest(ids.get(2), "ERASURE", "REFUSED", Instant.now(), null);
    underRetiredKey.execute(
        "insert into privacy_notice (id, customer_id, kind, erased_address, created_at,"
            + " next_attempt_at) values (?, ?, 'ERASURE_COMPLETED', ?, now(), now())",
        java.util.UUID.randomUUID().toString(),
        ids.get(3),
        retired.encrypt("erased@example.vn"));
    underRetiredKey.execute(
        "insert into legacy_index_key (id, key_value) values ('token-derived', ?)",
        retired.encrypt(Base64.getEncoder().encodeToString(new byte[32])));
    assertTrue(request != null);
    return readAll(retired);
  }

  private Map<String, String> readAll(FieldCipher cipher) throws Exception {
    Map<String, String> values = new HashMap<>();
    for (EncryptedColumns.Table table : EncryptedColumns.ALL) {
      for (String column : table.columns()) {
        try (PreparedStatement query =
                db.prepareStatement(
                    "select id, "
                        + column
                        + " from "
                        + table.name()
                        + " where "
                        + column
                        + " is not null");
            ResultSet row = query.executeQuery()) {
          while (row.next()) {
            values.put(
                table.name() + "." + column + "." + row.getString(1),
                cipher.decrypt(row.getBytes(2)));
          }
        }
      }
    }
    return values;
  }

  /** Encrypted values whose key id is not the given one. */
  private long valuesNotUnder(String keyId) throws Exception {
    long count = 0;
    for (EncryptedColumns.Table table : EncryptedColumns.ALL) {
      for (String column : table.columns()) {
        count +=
            Queries.count(
                db,
                "select count(*) from "
                    + table.name()
                    + " where "
                    + column
                    + " is not null and substring("
                    + column
                    + " from 3 for "
                    + keyId.length()
                    + ") <> ?",
                keyId.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      }
    }
    return count;
  }
}
