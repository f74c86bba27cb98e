package app.custodian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.testing.Api;
import app.custodian.testing.CustodianProcess;
import app.custodian.testing.Postgres;
import app.custodian.testing.Queries;
import app.custodian.testing.Resources;
import app.custodian.testing.TestKeys;
import app.custodian.testing.TestSmtp;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the packaged application share one PostgreSQL database: the nightly run (renewal
 * reminders, then the retention purge) happens once for the cluster, and a night missed while no
 * node ran is run when the nodes start.
 */
class NightlyRunIT {

  static final String ADMIN_PASSWORD = "admin-password-for-tests";
  static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  @TempDir static Path dataDir;
  static Postgres postgres;
  static String databaseUrl;
  static GreenMail smtp;
  static final Map<String, String> settings = new HashMap<>();
  static final List<CustodianProcess> nodes = new ArrayList<>();

  @BeforeAll
  static void start() {
    postgres = Postgres.start();
    databaseUrl = postgres.createDatabase();
    smtp = TestSmtp.start();
    settings.putAll(postgres.custodianSettings(databaseUrl));
    settings.put("CUSTODIAN_ADMIN_PASSWORD", ADMIN_PASSWORD);
    settings.put("CUSTODIAN_PII_KEY", TestKeys.random());
    settings.put("CUSTODIAN_TOKEN_KEY", TestKeys.random());
    settings.put("CUSTODIAN_INDEX_KEY", TestKeys.random());
    settings.put("CUSTODIAN_AUDIT_KEY", TestKeys.random());
    TestSmtp.sendTo(settings, smtp.getSmtp().getPort());
    settings.put("CUSTODIAN_ZONE", ZONE.getId());
  }

  @AfterAll
  static void stop() throws Exception {
    List<AutoCloseable> resources = new ArrayList<>(nodes);
    resources.add(postgres);
    resources.add(smtp == null ? null : smtp::stop);
    Resources.closeAll(resources.toArray(AutoCloseable[]::new));
  }

  @Test
  void aMissedNightRunsOnceForTwoNodes() throws Exception {
    // the first node sets the database up; its nightly time is hours away
    CustodianProcess first = node("setup", LocalTime.now(ZONE).plusHours(6));
    Api admin = first.api("admin", ADMIN_PASSWORD);
    String reminded = customer(admin, "Nguyễn Văn Nhắc", "nhac@example.vn");
    consent(admin, reminded, "RENEWAL_REMINDER");
    LocalDate today = LocalDate.now(ZONE);
    contract(admin, reminded, "HD-NHAC", today.minusDays(300), today.plusDays(7));
    String expired = customer(admin, "Trần Thị Hết", "het@example.vn");
    consent(admin, expired, "RENEWAL_REMINDER");
    contract(admin, expired, "HD-HET", today.minusDays(500), today.minusDays(200));
    first.stop();
    try (Connection db = postgres.connect(databaseUrl);
        Statement statement = db.createStatement()) {
      // the cluster has run for days: a night since then with no node up was missed
      statement.executeUpdate(
          "update installation set installed_at = current_timestamp - interval '3 days'");
    }

    // both nodes start with tonight's time just passed, and race for the night
    LocalTime justPassed = LocalTime.now(ZONE).minusMinutes(1);
    var a = CompletableFuture.supplyAsync(() -> node("a", justPassed));
    var b = CompletableFuture.supplyAsync(() -> node("b", justPassed));
    CompletableFuture.allOf(a, b).join();
    awaitNightFinished();

    List<String> reminders = new ArrayList<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      if (!message.getSubject().contains("HD-")) {
        continue; // the confirmations of the consents given above
      }
      reminders.add(message.getAllRecipients()[0].toString() + " " + message.getSubject());
    }
    assertEquals(1, reminders.size(), reminders::toString);
    assertTrue(
        reminders.get(0).startsWith("nhac@example.vn Hợp đồng HD-NHAC"), reminders::toString);
    assertTrue(!reminders.get(0).contains("[QC]"), "a renewal reminder is a service notice");
    Api nodeA = a.get().api("admin", ADMIN_PASSWORD);
    assertEquals(404, nodeA.get("/api/v1/customers/" + expired).status(), "purged");
    assertEquals(200, nodeA.get("/api/v1/customers/" + reminded).status(), "kept");
    try (Connection db = postgres.connect(databaseUrl)) {
      assertEquals(
          List.of("renewal-reminders", "retention-purge"),
          Queries.column(db, "select job_name from nightly_lease order by job_name"));
      assertEquals(
          List.of("1"),
          Queries.column(db, "select count(distinct node) from nightly_lease"),
          "one node took the whole night");
      assertEquals(
          List.of("2"),
          Queries.column(
              db,
              "select count(*) from audit_entry where actor = 'nightly' and action = 'JOB_STARTED'"),
          "each job started once");
      assertEquals(
          List.of(expired + " CONTRACT_ENDED"),
          Queries.column(
              db,
              "select t.customer_id || ' ' || t.rule from tombstone t join nightly_lease l"
                  + " on l.execution_id = t.execution_id and l.job_name = 'retention-purge'"));
    }
    long nightlyLines =
        nodes.stream()
            .map(CustodianProcess::log)
            .flatMap(String::lines)
            .filter(line -> line.contains("Nightly renewal-reminders for"))
            .count();
    assertEquals(1, nightlyLines, "one node logged the night's start");
  }

  static CustodianProcess node(String name, LocalTime nightlyAt) {
    try {
      Path dir = Files.createDirectories(dataDir.resolve(name));
      Map<String, String> env = new HashMap<>(settings);
      env.put("CUSTODIAN_DATA_DIR", dir.toString());
      env.put("CUSTODIAN_NIGHTLY_AT", nightlyAt.format(DateTimeFormatter.ofPattern("HH:mm:ss")));
      CustodianProcess node = new CustodianProcess(dir, env);
      synchronized (nodes) {
        nodes.add(node);
      }
      return node.start();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static void awaitNightFinished() throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    try (Connection db = postgres.connect(databaseUrl)) {
      while (Instant.now().isBefore(deadline)) {
        if (Queries.column(db, "select count(*) from nightly_lease where finished_at is not null")
            .equals(List.of("2"))) {
          return;
        }
        Thread.sleep(250);
      }
    }
    throw new AssertionError("The night did not finish; logs:\n" + nodes.get(1).log());
  }

  static String customer(Api admin, String name, String email) {
    Api.Reply reply =
        admin.post(
            "/api/v1/customers", "{\"fullName\":\"%s\",\"email\":\"%s\"}".formatted(name, email));
    assertEquals(201, reply.status(), reply::toString);
    return reply.json().getString("id");
  }

  static void consent(Api admin, String customerId, String purpose) {
    Api.Reply reply =
        admin.put(
            "/api/v1/customers/" + customerId + "/consents/" + purpose,
            "{\"granted\":true,\"source\":\"web-form\",\"policyVersion\":\"2026-01\"}");
    assertEquals(200, reply.status(), reply::toString);
  }

  static void contract(
      Api admin, String customerId, String reference, LocalDate startsOn, LocalDate endsOn) {
    Api.Reply reply =
        admin.post(
            "/api/v1/customers/" + customerId + "/contracts",
            "{\"reference\":\"%s\",\"service\":\"Cloud VPS\",\"startsOn\":\"%s\",\"endsOn\":\"%s\"}"
                .formatted(reference, startsOn, endsOn));
    assertEquals(201, reply.status(), reply::toString);
  }
}
