package app.custodian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.audit.boundary.AuditEntryMacMigration;
import app.custodian.audit.control.EntryMac;
import app.custodian.security.control.BlindIndex;
import app.custodian.security.control.EncryptedColumns;
import app.custodian.security.control.FieldCipher;
import app.custodian.security.control.KeyMaterial;
import app.custodian.testing.Api;
import app.custodian.testing.Api.Reply;
import app.custodian.testing.CustodianProcess;
import app.custodian.testing.DatabaseSeeds;
import app.custodian.testing.Postgres;
import app.custodian.testing.Queries;
import app.custodian.testing.Resources;
import app.custodian.testing.TestKeys;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keys of the packaged application on PostgreSQL: a PII key rotated with the old one retired
 * and every value re-encrypted; the blind indexes moved from the token key to the index key without
 * losing a suppression, and a later change of the token key losing none either; and a start without
 * a key refused.
 */
class KeyRotationIT {

  static final String ADMIN_PASSWORD = "admin-password-for-tests";
  static final Duration JOB_TIMEOUT = Duration.ofSeconds(120);

  @TempDir static Path dataDir;
  static Postgres postgres;
  CustodianProcess custodian;

  @BeforeAll
  static void startDatabase() {
    postgres = Postgres.start();
  }

  @AfterEach
  void stopApplication() throws Exception {
    Resources.closeAll(custodian);
  }

  @AfterAll
  static void stopDatabase() throws Exception {
    Resources.closeAll(postgres);
  }

  @Test
  void withADatabaseUrlAMissingKeyEndsTheProcessNamingTheVariable() throws Exception {
    Path dir = Files.createDirectories(dataDir.resolve("missing"));
    Map<String, String> env =
        postgres.custodianSettings(postgres.createDatabase(), dir, ADMIN_PASSWORD);
    env.remove("CUSTODIAN_INDEX_KEY");
    CustodianProcess withoutIndexKey = new CustodianProcess(dir, env);

    int status = withoutIndexKey.runUntilExit(Duration.ofSeconds(180));

    assertNotEquals(0, status, withoutIndexKey::log);
    assertTrue(
        withoutIndexKey.log().contains("CUSTODIAN_INDEX_KEY is not set"), withoutIndexKey::log);
    assertFalse(Files.exists(dir.resolve("keys")), "no key is generated beside PostgreSQL");
  }

  @Test
  void recordsUnderARetiredPiiKeyStillReadAndPiiReencryptLeavesNoneUnderIt() throws Exception {
    Path dir = Files.createDirectories(dataDir.resolve("pii"));
    String url = postgres.createDatabase();
    Map<String, String> env = postgres.custodianSettings(url, dir, ADMIN_PASSWORD);
    String keyA = env.get("CUSTODIAN_PII_KEY");
    String keyB = TestKeys.random();

    custodian = new CustodianProcess(dir, env).start();
    Api admin = custodian.api("admin", ADMIN_PASSWORD);
    String email = "rotation-" + UUID.randomUUID() + "@example.vn";
    Reply created =
        admin.post(
            "/api/v1/customers",
            ("{\"fullName\":\"Đặng Thu Thảo\",\"email\":\"%s\",\"phone\":\"0901234567\","
                    + "\"fax\":\"02438250000\",\"address\":\"5 Tràng Tiền, Hà Nội\","
                    + "\"organization\":\"Công ty Sông Hồng\",\"jobTitle\":\"Kế toán trưởng\"}")
                .formatted(email));
    assertEquals(201, created.status(), created::toString);
    String id = created.json().getString("id");
    assertEquals(
        200,
        admin
            .put("/api/v1/customers/" + id + "/legal-hold", "{\"reason\":\"Vụ kiện 17/2026\"}")
            .status());
    Reply granted =
        admin.put(
            "/api/v1/customers/" + id + "/consents/SURVEY",
            "{\"granted\":true,\"source\":\"paper-form\",\"evidence\":\"Phiếu số 42\"}");
    assertEquals(200, granted.status(), granted::toString);
    try (Connection db = postgres.connect(url)) {
      byte[] a = Base64.getDecoder().decode(keyA);
      DatabaseSeeds underA =
          new DatabaseSeeds(db, new FieldCipher(FieldCipher.keyIdOf(a), a), new BlindIndex(a));
      underA.privacyRequest(id, "ERASURE", "REFUSED", Instant.now(), Instant.now());
      underA.execute(
          "insert into privacy_notice (id, customer_id, kind, erased_address, created_at,"
              + " next_attempt_at) values (?, ?, 'ERASURE_COMPLETED', ?, now(),"
              + " now() + interval '30 days')",
          UUID.randomUUID().toString(),
          UUID.randomUUID().toString(),
          new FieldCipher(FieldCipher.keyIdOf(a), a).encrypt("gone@example.vn"));
    }
    String before = export(admin, id);
    custodian.stop();

    env.put("CUSTODIAN_PII_KEY", keyB);
    env.put("CUSTODIAN_PII_RETIRED_KEYS", keyA);
    // the audit key changes along with it, the old one retired
    env.put("CUSTODIAN_AUDIT_RETIRED_KEYS", env.get("CUSTODIAN_AUDIT_KEY"));
    env.put("CUSTODIAN_AUDIT_KEY", TestKeys.random());
    custodian = new CustodianProcess(dir, env).start();
    admin = custodian.api("admin", ADMIN_PASSWORD);
    assertEquals(before, export(admin, id), "every value written under A reads with A retired");
    for (String text :
        List.of(
            "Đặng Thu Thảo",
            "Vụ kiện 17/2026",
            "Phiếu số 42",
            "the law requires it",
            "Tràng Tiền",
            "Kế toán trưởng")) {
      assertTrue(before.contains(text), () -> text + " in " + before);
    }
    JsonObject run = admin.runJob("/api/v1/jobs/pii-reencrypt", JOB_TIMEOUT);
    assertEquals("COMPLETED", run.getString("batchStatus"), run::toString);
    assertTrue(run.getJsonObject("metrics").getInt("written") >= 4, run::toString);
    try (Connection db = postgres.connect(url)) {
      assertEquals(0, valuesUnder(db, keyA), "no value needs A any more");
      assertTrue(valuesUnder(db, keyB) >= 10);
      assertEquals(
          1,
          Queries.count(db, "select count(*) from audit_entry where action = 'PII_REENCRYPTED'"));
    }
    custodian.stop();

    env.remove("CUSTODIAN_PII_RETIRED_KEYS");
    custodian = new CustodianProcess(dir, env).start();
    admin = custodian.api("admin", ADMIN_PASSWORD);
    assertEquals(before, export(admin, id), "and with B alone");
    JsonObject audit = admin.get("/api/v1/audit/verify").json();
    assertTrue(audit.getBoolean("valid"), audit::toString);
    assertTrue(audit.getJsonArray("forged").isEmpty(), audit::toString);
    assertTrue(audit.getInt("entries") >= 5, audit::toString);
    try (Connection db = postgres.connect(url)) {
      byte[] b = Base64.getDecoder().decode(keyB);
      FieldCipher onlyB = new FieldCipher(FieldCipher.keyIdOf(b), b);
      assertEquals(
          "gone@example.vn",
          onlyB.decrypt(
              Queries.bytes(
                  db,
                  "select erased_address from privacy_notice where erased_address"
                      + " is not null")));
    }
  }

  @Test
  void movingTheIndexesToTheIndexKeyAndThenChangingTheTokenKeyLoseNoSuppression() throws Exception {
    Path dir = Files.createDirectories(dataDir.resolve("index"));
    String url = postgres.createDatabase();
    Map<String, String> env = postgres.custodianSettings(url, dir, ADMIN_PASSWORD);
    // the database as the version before this one left it: schema 15, indexes under the token key
    Flyway.configure()
        .dataSource(url, postgres.user(), postgres.password())
        .locations("classpath:db/migration")
        .javaMigrations(
            new AuditEntryMacMigration(
                new EntryMac(Base64.getDecoder().decode(env.get("CUSTODIAN_AUDIT_KEY")))))
        .target("15")
        .load()
        .migrate();
    KeyMaterial before =
        KeyMaterial.resolve(
            env.get("CUSTODIAN_PII_KEY"),
            env.get("CUSTODIAN_TOKEN_KEY"),
            TestKeys.random(),
            dir.resolve("unused"),
            w -> {});
    String live = "live-" + UUID.randomUUID() + "@example.vn";
    String erased = "erased-" + UUID.randomUUID() + "@example.vn";
    String erasedToo = "erased-too-" + UUID.randomUUID() + "@example.vn";
    String liveId;
    try (Connection db = postgres.connect(url)) {
      DatabaseSeeds seeds =
          new DatabaseSeeds(
              db, before.fieldCipher(), new BlindIndex(before.tokenDerivedIndexKey()));
      liveId = seeds.customer("Hoàng Văn Sống", live, "vi");
      seeds.suppress(live, "NEWSLETTER", "UNSUBSCRIBED");
      seeds.suppress(erased, "ALL", "ERASED");
      seeds.suppress(erasedToo, "ALL", "ERASED");
    }

    custodian = new CustodianProcess(dir, env).start();
    Api admin = custodian.api("admin", ADMIN_PASSWORD);
    try (Connection db = postgres.connect(url)) {
      assertEquals(3, Queries.count(db, "select count(*) from suppression"));
      assertEquals(2, Queries.count(db, "select count(*) from suppression where legacy"));
    }
    assertEquals(
        "SUPPRESSED_UNSUBSCRIBED",
        grant(admin, liveId, "NEWSLETTER").getString("notAppliedReason"),
        "the live customer's suppression holds under the index key");
    assertEquals(List.of("NEWSLETTER"), scopes(admin, live));
    String returning = createCustomer(admin, erased);
    assertFalse(
        grant(admin, returning, "NEWSLETTER").getBoolean("applied"),
        "an erased person who comes back is still suppressed");
    custodian.stop();

    env.put("CUSTODIAN_TOKEN_KEY", TestKeys.random());
    custodian = new CustodianProcess(dir, env).start();
    admin = custodian.api("admin", ADMIN_PASSWORD);
    assertFalse(grant(admin, liveId, "NEWSLETTER").getBoolean("applied"));
    assertFalse(grant(admin, returning, "SURVEY").getBoolean("applied"));
    assertEquals(List.of("ALL"), scopes(admin, erasedToo), "a new token key loses no entry");
    String returningLater = createCustomer(admin, erasedToo);
    assertFalse(grant(admin, returningLater, "SURVEY").getBoolean("applied"));
    try (Connection db = postgres.connect(url)) {
      assertEquals(3, Queries.count(db, "select count(*) from suppression"));
      assertEquals(0, Queries.count(db, "select count(*) from suppression where legacy"));
    }
  }

  private static JsonObject grant(Api api, String customerId, String purpose) {
    Reply reply =
        api.put(
            "/api/v1/customers/" + customerId + "/consents/" + purpose,
            "{\"granted\":true,\"source\":\"signup-form\"}");
    assertEquals(200, reply.status(), reply::toString);
    return reply.json();
  }

  private static String createCustomer(Api api, String email) {
    Reply created =
        api.post(
            "/api/v1/customers",
            "{\"fullName\":\"Người Trở Lại\",\"email\":\"%s\"}".formatted(email));
    assertEquals(201, created.status(), created::toString);
    return created.json().getString("id");
  }

  private static List<String> scopes(Api api, String email) {
    Reply found = api.post("/api/v1/suppressions/lookup", "{\"email\":\"%s\"}".formatted(email));
    assertEquals(200, found.status(), found::toString);
    return found.json().getJsonArray("entries").stream()
        .map(e -> e.asJsonObject().getString("scope"))
        .toList();
  }

  /**
   * The export without the moment it was made, and the legal hold's reason as a refused erasure
   * tells it (the customer stays).
   */
  private static String export(Api admin, String id) {
    Reply export = admin.get("/api/v1/customers/" + id + "/export");
    assertEquals(200, export.status(), export::toString);
    Map<String, Object> fields = new HashMap<>(export.json());
    fields.remove("exportedAt");
    Reply refused = admin.delete("/api/v1/customers/" + id);
    assertEquals(409, refused.status(), refused::toString);
    fields.put("legalHold", refused.json().getString("detail"));
    return new java.util.TreeMap<>(fields).toString();
  }

  /** Encrypted values in every encrypted column whose key id is the given key's. */
  private static long valuesUnder(Connection db, String base64Key) throws Exception {
    byte[] keyId =
        FieldCipher.keyIdOf(Base64.getDecoder().decode(base64Key))
            .getBytes(StandardCharsets.US_ASCII);
    long count = 0;
    for (EncryptedColumns.Table table : EncryptedColumns.ALL) {
      for (String column : table.columns()) {
        count +=
            Queries.count(
                db,
                "select count(*) from %s where substring(%s from 3 for %d) = ?"
                    .formatted(table.name(), column, keyId.length),
                (Object) keyId);
      }
    }
    return count;
  }
}
