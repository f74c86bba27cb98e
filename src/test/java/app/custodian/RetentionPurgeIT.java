package app.custodian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retention purge of the packaged application on PostgreSQL, killed (kill -9) in the middle of
 * a run: the restarted run purges everyone it missed, and nobody twice.
 */
class RetentionPurgeIT {

  static final String ADMIN_PASSWORD = "admin-password-for-tests";
  static final int DUE = 20_000;
  static final Duration TIMEOUT = Duration.ofMinutes(3);

  @TempDir static Path dataDir;
  static Postgres postgres;
  static String databaseUrl;
  static Map<String, String> env;
  static CustodianProcess custodian;

  @BeforeAll
  static void start() {
    postgres = Postgres.start();
    databaseUrl = postgres.createDatabase();
    env = postgres.custodianSettings(databaseUrl, dataDir, ADMIN_PASSWORD);
    env.put("CUSTODIAN_PII_KEY", TestKeys.random());
    env.put("CUSTODIAN_TOKEN_KEY", TestKeys.random());
    // As behind a TLS proxy, with the operational endpoints left open; the purge is unaffected.
    env.put("CUSTODIAN_BASE_URL", "https://Custodian.Example/");
    env.put("CUSTODIAN_PUBLIC_OPS", "true");
    env.put("CUSTODIAN_NODE_TIMEOUT", "PT3S"); // the killed node is taken for gone at once
    custodian = new CustodianProcess(dataDir, env).start();
  }

  @AfterAll
  static void stop() throws Exception {
    Resources.closeAll(custodian, postgres);
  }

  @Test
  void aPurgeKilledMidwayIsFinishedByItsRestartWithNobodyPurgedTwice() throws Exception {
    try (Connection db = postgres.connect(databaseUrl)) {
      String kept = seed(db);
      Api admin = custodian.api("admin", ADMIN_PASSWORD);
      Reply started = admin.post("/api/v1/jobs/retention-purge", "");
      assertEquals(202, started.status(), started::toString);
      long execution = started.json().getJsonNumber("executionId").longValue();
      long purgedBeforeKill = awaitCount(db, "select count(*) from tombstone", DUE / 10);
      assertTrue(purgedBeforeKill < DUE, "the run was still going when it was killed");

      custodian.kill();
      custodian = new CustodianProcess(dataDir, env).start();
      admin = custodian.api("admin", ADMIN_PASSWORD);
      JsonObject orphan = admin.get("/api/v1/jobs/executions/" + execution).json();
      assertTrue(orphan.getBoolean("orphaned"), orphan::toString);
      JsonObject finished =
          admin.runJob("/api/v1/jobs/executions/" + execution + "/restart", TIMEOUT);

      assertEquals("COMPLETED", finished.getString("batchStatus"), finished::toString);
      assertEquals(
          List.of(kept), Queries.column(db, "select id from customer"), "only the kept one stays");
      assertEquals(DUE, Queries.count(db, "select count(distinct customer_id) from tombstone"));
      assertEquals(DUE, Queries.count(db, "select count(*) from tombstone"));
      assertEquals(
          DUE,
          Queries.count(db, "select count(*) from audit_entry where action = 'CUSTOMER_PURGED'"));
      assertEquals(
          DUE,
          Queries.count(
              db,
              "select count(distinct customer_id) from audit_entry"
                  + " where action = 'CUSTOMER_PURGED'"),
          "one audit entry per person");
      assertEquals(
          DUE, Queries.count(db, "select count(*) from suppression where reason = 'ERASED'"));
      long purgedByRestart = finished.getJsonObject("report").getInt("count");
      assertEquals(
          DUE,
          Queries.count(db, "select count(*) from tombstone where execution_id = ?", execution)
              + purgedByRestart,
          "the dead run's receipt and the restart's receipt add up");
      assertEquals(1, Queries.count(db, "select count(*) from contract"), "the kept one's");
      assertEquals(
          0,
          Queries.count(
              db, "select count(*) from customer_name_word where customer_id <> ?", kept));
    }
  }

  /**
   * Issue 20: a customer import killed (kill -9) in the middle, then restarted, imports every row
   * exactly once, and its upload is deleted at the end. Its customers are removed after, so the
   * purge test's counts hold whatever the order.
   */
  @Test
  void anImportKilledMidwayIsFinishedByItsRestartWithEveryRowImportedOnce() throws Exception {
    int rows = 20_000;
    StringBuilder csv =
        new StringBuilder(
            "fullName,email,source,consent.NEWSLETTER,consentSource,consentCollectedAt\n");
    for (int i = 0; i < rows; i++) {
      csv.append("Khách Nhập ")
          .append(i)
          .append(",import-")
          .append(i)
          .append("@example.vn,kill-test,granted,web-form,2026-05-01T00:00:00Z\n");
    }
    try (Connection db = postgres.connect(databaseUrl)) {
      Api admin = custodian.api("admin", ADMIN_PASSWORD);
      Reply started = admin.postCsv("/api/v1/imports?mode=create", csv.toString());
      assertEquals(202, started.status(), started::toString);
      String importId = started.json().getString("importId");
      long execution = started.json().getJsonNumber("executionId").longValue();
      long before =
          awaitCount(db, "select count(*) from customer where source = 'kill-test'", rows / 10);
      assertTrue(before < rows, "the import was still going when it was killed");

      custodian.kill();
      custodian = new CustodianProcess(dataDir, env).start();
      admin = custodian.api("admin", ADMIN_PASSWORD);
      // the node that started it is gone: this one continues the import by itself, and the
      // restart answers with the execution that continues it
      JsonObject finished =
          admin.runJob("/api/v1/jobs/executions/" + execution + "/restart", TIMEOUT);

      assertEquals("COMPLETED", finished.getString("batchStatus"), finished::toString);
      JsonObject view = admin.get("/api/v1/imports/" + importId).json();
      assertEquals("COMPLETED", view.getString("status"), view::toString);
      assertEquals(rows, view.getInt("rows"));
      assertEquals(rows, view.getInt("created"), view::toString);
      assertEquals(rows, view.getInt("consentsRecorded"), view::toString);
      assertEquals(
          rows, Queries.count(db, "select count(*) from customer where source = 'kill-test'"));
      assertEquals(
          rows,
          Queries.count(
              db,
              "select count(*) from consent_event e join customer c on c.id = e.customer_id"
                  + " where c.source = 'kill-test'"),
          "one grant each");
      assertEquals(
          rows,
          Queries.count(
              db,
              "select count(*) from audit_entry a join customer c on c.id = a.customer_id"
                  + " where c.source = 'kill-test' and a.action = 'CUSTOMER_CREATED'"),
          "one creation audited each");
      assertFalse(
          Files.exists(dataDir.resolve("imports").resolve(importId + ".csv.enc")),
          "the upload is deleted at the end");
    } finally {
      try (Connection db = postgres.connect(databaseUrl)) {
        Queries.count(db, "select count(*) from customer"); // connection check
        try (var delete = db.createStatement()) {
          delete.execute("delete from customer where source = 'kill-test'");
        }
      }
    }
  }

  /**
   * A dry run that failed, restarted through the jobs API, stays a dry run: nobody is purged. Its
   * customers are removed after, so the purge test's counts hold whatever the order.
   */
  @Test
  void aFailedDryRunRestartedStaysADryRun() throws Exception {
    List<String> due = new ArrayList<>();
    try (Connection db = postgres.connect(databaseUrl)) {
      DatabaseSeeds seeds = seeds(db);
      LocalDate today = LocalDate.now();
      for (int i = 0; i < 3; i++) {
        String id = seeds.customer("Khách Thử " + i, "dry-" + i + "@example.vn", "vi");
        seeds.contract(id, "HD-DRY-" + i, today.minusYears(4), today.minusYears(2), null);
        due.add(id);
      }
      Api admin = custodian.api("admin", ADMIN_PASSWORD);
      seeds.execute(
          "create function refuse_preview() returns trigger language plpgsql"
              + " as $$ begin raise exception 'refused by the test'; end $$");
      seeds.execute(
          "create trigger refuse_preview before insert on purge_preview"
              + " for each row execute function refuse_preview()");
      JsonObject failed;
      try { // who would go cannot be written down: the dry run fails
        failed = admin.runJob("/api/v1/jobs/retention-purge?dryRun=true", TIMEOUT);
      } finally {
        seeds.execute("drop trigger refuse_preview on purge_preview");
        seeds.execute("drop function refuse_preview()");
      }
      assertEquals("FAILED", failed.getString("batchStatus"), failed::toString);

      long execution = failed.getJsonNumber("executionId").longValue();
      JsonObject restarted =
          admin.runJob("/api/v1/jobs/executions/" + execution + "/restart", TIMEOUT);

      assertEquals("COMPLETED", restarted.getString("batchStatus"), restarted::toString);
      assertTrue(restarted.getJsonObject("report").getBoolean("dryRun"), restarted::toString);
      for (String id : due) {
        assertEquals(1, Queries.count(db, "select count(*) from customer where id = ?", id));
        assertEquals(
            0, Queries.count(db, "select count(*) from tombstone where customer_id = ?", id));
        assertEquals(
            1,
            Queries.count(db, "select count(*) from purge_preview where customer_id = ?", id),
            "the restart reported who would go");
      }
    } finally {
      try (Connection db = postgres.connect(databaseUrl)) {
        DatabaseSeeds sql = new DatabaseSeeds(db, null, null);
        for (String id : due) {
          sql.execute("delete from purge_preview where customer_id = ?", id);
          sql.execute("delete from tombstone where customer_id = ?", id);
          sql.execute("delete from customer where id = ?", id);
        }
      }
    }
  }

  @Test
  void behindHttpsTheSessionCookieIsSecureAndBrowsersAreToldToKeepToHttps() {
    Api anonymous = custodian.api(null, null);
    Reply login = anonymous.get("/login.xhtml");
    assertEquals(200, login.status(), login::toString);
    List<String> cookies = login.response().headers().allValues("Set-Cookie");
    assertTrue(
        cookies.stream().anyMatch(c -> c.startsWith("JSESSIONID=")), "a session: " + cookies);
    assertTrue(
        cookies.stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .allMatch(c -> c.toLowerCase().contains("; secure")),
        "only over TLS: " + cookies);
    assertEquals("max-age=31536000", login.header("Strict-Transport-Security"));
    Api admin = custodian.api("admin", ADMIN_PASSWORD);
    assertEquals(
        "max-age=31536000", admin.get("/api/v1/whoami").header("Strict-Transport-Security"));
    assertEquals(200, anonymous.get("/metrics").status(), "CUSTODIAN_PUBLIC_OPS=true");
    assertEquals(200, anonymous.get("/openapi").status(), "CUSTODIAN_PUBLIC_OPS=true");

    String restart = "/api/v1/jobs/executions/999999999/restart";
    Reply ours =
        admin.send(
            HttpRequest.newBuilder(custodian.baseUri().resolve(restart))
                .header("Authorization", basic("admin", ADMIN_PASSWORD))
                .header("Origin", "https://custodian.example")
                .POST(BodyPublishers.noBody()));
    assertEquals(404, ours.status(), "the origin of CUSTODIAN_BASE_URL: " + ours);
    Reply local =
        admin.send(
            HttpRequest.newBuilder(custodian.baseUri().resolve(restart))
                .header("Authorization", basic("admin", ADMIN_PASSWORD))
                .header("Origin", custodian.baseUri().toString())
                .POST(BodyPublishers.noBody()));
    assertEquals(403, local.status(), "not the origin of CUSTODIAN_BASE_URL: " + local);
    assertFalse(custodian.log().contains("CUSTODIAN_BASE_URL is not https"));
  }

  static String basic(String username, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * DUE customers whose contract ended two years ago, and one whose contract runs; answers its id.
   */
  static String seed(Connection db) throws Exception {
    DatabaseSeeds seeds = seeds(db);
    LocalDate today = LocalDate.now();
    db.setAutoCommit(false);
    for (int i = 0; i < DUE; i++) {
      String id = seeds.customer("Khách Cũ " + i, "old-" + i + "@example.vn", "vi");
      seeds.contract(id, "HD-" + i, today.minusYears(4), today.minusYears(2), null);
    }
    String kept = seeds.customer("Khách Mới", "new@example.vn", "vi");
    seeds.contract(kept, "HD-NEW", today.minusYears(1), today.plusYears(1), null);
    db.commit();
    db.setAutoCommit(true);
    return kept;
  }

  static DatabaseSeeds seeds(Connection db) {
    KeyMaterial keys =
        KeyMaterial.resolve(
            env.get("CUSTODIAN_PII_KEY"),
            env.get("CUSTODIAN_TOKEN_KEY"),
            env.get("CUSTODIAN_INDEX_KEY"),
            dataDir,
            w -> {});
    return new DatabaseSeeds(db, keys.fieldCipher(), keys.blindIndex());
  }

  static long awaitCount(Connection db, String query, long atLeast) throws Exception {
    Instant deadline = Instant.now().plus(TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      long value = Queries.count(db, query);
      if (value >= atLeast) {
        return value;
      }
      Thread.sleep(10);
    }
    throw new AssertionError(query + " did not reach " + atLeast);
  }
}
