package app.custodian.bench;

import static app.custodian.testing.Queries.count;

import app.custodian.platform.control.DatabaseTime;
import app.custodian.retention.control.RetentionPolicy;
import app.custodian.security.control.KeyMaterial;
import app.custodian.testing.Api;
import app.custodian.testing.CustodianProcess;
import app.custodian.testing.Postgres;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The retention benchmark: 1,000,000 customers, 100,000 of them due for purge by the
 * contract rule (their contract ended 200 days ago; the rule says 90). Custodian's {@code
 * retention-purge} job, started through the API and polled until it completes, deletes them with
 * their suppression entries, tombstones and audit entries; then, with the application stopped, the
 * same number of due customers is seeded again and deleted by one set-based SQL {@code DELETE} with
 * the job's own rule predicate, in one transaction. Prints both wall times, customers/s and the
 * ratio (target: the job at most 3 times the {@code DELETE}).
 *
 * <p>Run with {@code ./mvnw -Pbench -DskipTests package exec:exec@retention-purge}; see {@link
 * PurgeSettings} for the {@code bench.*} properties.
 */
public final class RetentionPurgeBenchmark {

  static final double MAX_RATIO = 3;

  private static final long NO_APP = -1;
  private static final String ADMIN_PASSWORD = "bench-admin-password";
  private static final String ZONE = "Asia/Ho_Chi_Minh";
  private static final String AFTER_CONTRACT_END = "P90D";
  private static final String LEAD_INACTIVITY = "P730D";
  private static final RetentionPolicy POLICY =
      RetentionPolicy.of(AFTER_CONTRACT_END, LEAD_INACTIVITY, ZONE);
  private static final List<String> CHILD_TABLES =
      List.of("customer_name_word", "consent_event", "consent_state", "contract");
  private static final List<String> TOUCHED_TABLES =
      List.of(
          "customer",
          "customer_name_word",
          "consent_event",
          "consent_state",
          "contract",
          "consent_notice",
          "delivery",
          "renewal_reminder",
          "suppression",
          "tombstone",
          "audit_entry");

  /**
   * The job's rule (PurgeCandidates.after) as one predicate on customer c: the contract rule (a
   * contract, and none whose last day is on or after the cut-off date) or the lead rule (no
   * contract, no granted consent, no activity since the inactivity cut-off), never under legal
   * hold. Parameters: the cut-off date, then the inactivity instant three times.
   */
  static final String RULE =
      """
      c.legal_hold_reason is null
        and ((exists (select 1 from contract k where k.customer_id = c.id)
              and not exists (select 1 from contract k where k.customer_id = c.id
                              and coalesce(k.ended_on, k.ends_on) >= ?))
          or (not exists (select 1 from contract k where k.customer_id = c.id)
              and not exists (select 1 from consent_state s where s.customer_id = c.id and s.granted)
              and c.created_at < ? and c.updated_at < ?
              and not exists (select 1 from consent_event e where e.customer_id = c.id
                              and e.at >= ?)))""";

  private RetentionPurgeBenchmark() {}

  /** A timed deletion of the due customers. */
  record Run(String name, long customers, double seconds, Map<String, Long> cascaded) {
    double rate() {
      return customers / seconds;
    }

    long cascadedRows() {
      return cascaded.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** How the job went, as the API and the database tell it. */
  record PurgeOutcome(
      Run run,
      long executionId,
      String status,
      JsonObject metrics,
      double jobSeconds,
      double startLatencySeconds,
      double sealedAfterSeconds,
      boolean exact,
      String checks) {}

  public static void main(String[] args) throws Exception {
    PurgeSettings settings = PurgeSettings.fromSystemProperties();
    System.out.println("Retention purge benchmark: " + settings);
    Path dataDir = Files.createTempDirectory("custodian-bench-");
    String piiKey = randomKey();
    String tokenKey = randomKey();
    String indexKey = randomKey();
    KeyMaterial keys =
        KeyMaterial.resolve(piiKey, tokenKey, indexKey, dataDir, System.out::println);
    Instant now = Instant.now();
    PurgeSeeder seeder =
        new PurgeSeeder(keys.fieldCipher(), keys.blindIndex(), POLICY.today(now), now);
    try (Postgres postgres =
        Postgres.start(settings.statements() ? TopStatements.SERVER_CONFIG : Map.of())) {
      String databaseUrl = postgres.createDatabase();
      GcLog gcLog = new GcLog(dataDir.resolve("gc.log"));
      try (Connection database = postgres.connect(databaseUrl)) {
        setSynchronousCommit(database, settings.synchronousCommit());
        System.out.print(machine(database));
        TopStatements statements = settings.statements() ? new TopStatements(database) : null;
        Map<String, String> environment = postgres.custodianSettings(databaseUrl);
        environment.put("CUSTODIAN_DATA_DIR", dataDir.toString());
        environment.put("CUSTODIAN_ADMIN_PASSWORD", ADMIN_PASSWORD);
        environment.put("CUSTODIAN_PII_KEY", piiKey);
        environment.put("CUSTODIAN_TOKEN_KEY", tokenKey);
        environment.put("CUSTODIAN_INDEX_KEY", indexKey);
        environment.put("CUSTODIAN_AUDIT_KEY", randomKey());
        environment.put("CUSTODIAN_ZONE", ZONE);
        environment.put("CUSTODIAN_RETENTION_AFTER_CONTRACT_END", AFTER_CONTRACT_END);
        environment.put("CUSTODIAN_RETENTION_LEAD_INACTIVITY", LEAD_INACTIVITY);
        // Twelve hours away: neither the nightly run nor its catch-up of a missed night (the
        // database is new) starts a purge of its own.
        String nightlyAt =
            LocalTime.now(ZoneId.of(ZONE))
                .plusHours(12)
                .format(DateTimeFormatter.ofPattern("HH:mm"));
        environment.put("CUSTODIAN_NIGHTLY_AT", nightlyAt);
        CustodianProcess custodian =
            new CustodianProcess(dataDir, environment)
                .jvmOptions("-Xmx" + settings.appHeap())
                .jvmOptions(gcLog.jvmOption())
                .jvmOptions(settings.appJvmOptions().toArray(String[]::new));
        PurgeOutcome outcome;
        double seedSeconds;
        PurgeSeeder.Tally seeded;
        try {
          long started = System.nanoTime();
          custodian.start(); // migrates the empty database
          System.out.printf(
              "Custodian started in %.1f s (pid %d, -Xmx%s, CUSTODIAN_NIGHTLY_AT=%s %s, log %s)%n",
              (System.nanoTime() - started) / 1e9,
              custodian.pid(),
              settings.appHeap(),
              nightlyAt,
              ZONE,
              dataDir.resolve("custodian.log"));

          System.out.printf(
              "Seeding %,d customers (%,d due for purge) with COPY...%n",
              settings.customers(), settings.dueCount());
          long seedStart = System.nanoTime();
          try (Connection seeding = postgres.connect(databaseUrl)) {
            seeded =
                seeder.seed(
                    seeding,
                    0,
                    settings.customers(),
                    n -> settings.due(n) ? PurgeSeeder.Kind.DUE : PurgeSeeder.Kind.staying(n));
          }
          seedSeconds = (System.nanoTime() - seedStart) / 1e9;
          System.out.printf(
              "Seeded %,d customers (%,d due), %,d rows in all, in %.1f s (%.0f customers/s)%n",
              seeded.customers(),
              seeded.due(),
              seeded.rows(),
              seedSeconds,
              seeded.customers() / seedSeconds);
          System.out.print(sources(database));
          settle(database);

          MachineSampler sampler = new MachineSampler(custodian.pid(), gcLog, database);
          Neighbours neighbours = new Neighbours(custodian.pid(), database);
          outcome = purge(settings, seeded, custodian, database, sampler, neighbours, statements);
        } finally {
          custodian.stop();
          deleteTree(dataDir.resolve("tmp")); // Payara's runtime, 100 MB a run; the log stays
        }

        System.out.printf(
            "Custodian stopped. Seeding %,d more due customers for the set-based DELETE...%n",
            seeded.due());
        Run delete =
            setBased(
                "set-based DELETE",
                false,
                settings,
                seeder,
                reseedFrom(settings, 1),
                postgres,
                databaseUrl,
                database,
                gcLog,
                statements);
        Run withReceipts = null;
        if (settings.withReceipts()) {
          System.out.printf(
              "Seeding %,d more due customers for the set-based DELETE with receipts...%n",
              seeded.due());
          withReceipts =
              setBased(
                  "set-based DELETE + receipts",
                  true,
                  settings,
                  seeder,
                  reseedFrom(settings, 2),
                  postgres,
                  databaseUrl,
                  database,
                  gcLog,
                  statements);
        }
        report(settings, seeded, seedSeconds, outcome, delete, withReceipts);
      }
    }
  }

  /** Where the n-th re-seed of due customers starts numbering, past every earlier customer. */
  private static int reseedFrom(PurgeSettings settings, int round) {
    return settings.customers() + (round - 1) * settings.dueCount();
  }

  private static PurgeOutcome purge(
      PurgeSettings settings,
      PurgeSeeder.Tally seeded,
      CustodianProcess custodian,
      Connection database,
      MachineSampler sampler,
      Neighbours neighbours,
      TopStatements statements)
      throws Exception {
    Api admin = custodian.api("admin", ADMIN_PASSWORD);
    Map<String, Long> before = childCounts(database);
    long customersBefore = count(database, "select count(*) from customer");
    System.out.printf(
        "Custodian: retention-purge of %,d due among %,d customers (chunkSize: the job's"
            + " default)...%n",
        seeded.due(), customersBefore);
    if (statements != null) {
      statements.reset();
    }
    sampler.opened();
    neighbours.opened();
    Instant posted = Instant.now();
    long start = System.nanoTime();
    Api.Reply started = admin.post("/api/v1/jobs/retention-purge", "");
    if (started.status() != 202) {
      sampler.closed();
      throw new IllegalStateException("Could not start the purge: " + started);
    }
    long executionId = started.json().getJsonNumber("executionId").longValue();
    System.out.printf("  start answered %d, job execution %d%n", started.status(), executionId);
    long deadline = start + settings.purgeTimeout().toNanos();
    long lastPrint = start;
    long lastPrinted = 0;
    String status = "STARTING";
    while (true) {
      Thread.sleep(500);
      long now = System.nanoTime();
      // Cheap: the status in the batch repository and the job's tombstones so far. The
      // executions resource answers with every purged id, so it is asked once, at the end.
      status = batchStatus(database, admin, executionId);
      boolean done = !status.equals("STARTING") && !status.equals("STARTED");
      if (done || now - lastPrint >= settings.progressEvery().toNanos()) {
        long tombstones =
            count(database, "select count(*) from tombstone where execution_id = ?", executionId);
        System.out.printf(
            "  %6.0f s %-9s tombstones %,8d  %6.0f/s now  %6.0f/s mean%n",
            (now - start) / 1e9,
            status,
            tombstones,
            (tombstones - lastPrinted) / ((now - lastPrint) / 1e9),
            tombstones / ((now - start) / 1e9));
        lastPrint = now;
        lastPrinted = tombstones;
      }
      if (done) {
        break;
      }
      if (now > deadline) {
        sampler.closed();
        throw new IllegalStateException(
            "TIMEOUT: the purge ran longer than " + settings.purgeTimeout().toMinutes() + " min");
      }
    }
    sampler.closed();
    String others = neighbours.closed();
    Api.Reply reply = admin.get("/api/v1/jobs/executions/" + executionId);
    if (reply.status() != 200) {
      throw new IllegalStateException("Could not read execution " + executionId + ": " + reply);
    }
    JsonObject execution = reply.json();
    status = execution.getString("batchStatus");
    if (!status.equals("COMPLETED")) {
      System.out.println("  execution: " + withoutReport(execution));
      throw new IllegalStateException("The purge ended " + status + "; see the app's log");
    }
    Instant startTime = Instant.parse(execution.getString("startTime"));
    Instant endTime = Instant.parse(execution.getString("endTime"));
    double seconds = Duration.between(posted, endTime).toNanos() / 1e9;
    double jobSeconds = Duration.between(startTime, endTime).toNanos() / 1e9;
    JsonObject metrics = execution.getJsonObject("metrics");
    JsonObject report = execution.getJsonObject("report");
    System.out.printf(
        "  COMPLETED: %.2f s from the start request to the job's end time (the job's own start"
            + " to end: %.2f s); metrics %s; report count %d (the ids are not printed)%n",
        seconds, jobSeconds, metrics, report.getInt("count"));
    System.out.println("    (generator = this JVM: polling the job's status twice a second)");
    System.out.print(sampler.summary());
    System.out.print(others);
    if (statements != null) {
      System.out.print(statements.top(16));
    }

    double sealed = awaitSealed(database, endTime);
    Map<String, Long> after = childCounts(database);
    long customersAfter = count(database, "select count(*) from customer");
    long dueLeft = count(database, "select count(*) from customer where source = 'bench-due'");
    long buried =
        count(
            database,
            "select count(*) from tombstone where execution_id = "
                + executionId
                + " and rule = 'CONTRACT_ENDED'");
    long audited =
        count(
            database,
            "select count(*) from audit_entry where action = 'CUSTOMER_PURGED'"
                + " and actor = 'retention-purge' and detail = 'rule CONTRACT_ENDED, execution "
                + executionId
                + "'");
    long suppressed =
        count(
            database, "select count(*) from suppression where scope = 'ALL' and reason = 'ERASED'");
    long purged = customersBefore - customersAfter;
    boolean exact =
        purged == seeded.due()
            && dueLeft == 0
            && buried == seeded.due()
            && audited == seeded.due()
            && suppressed == seeded.due()
            && report.getInt("count") == seeded.due();
    String checks =
        ("customers %,d -> %,d (%,d gone, %,d due left); tombstones CONTRACT_ENDED of execution"
                + " %d: %,d; CUSTOMER_PURGED audit entries: %,d; suppressions: %,d; report count"
                + " %,d; expected %,d each")
            .formatted(
                customersBefore,
                customersAfter,
                purged,
                dueLeft,
                executionId,
                buried,
                audited,
                suppressed,
                report.getInt("count"),
                seeded.due());
    System.out.println("  check: " + checks + ": " + (exact ? "exact" : "WRONG"));
    System.out.print(sources(database));
    return new PurgeOutcome(
        new Run("retention-purge job", purged, seconds, difference(before, after)),
        executionId,
        status,
        metrics,
        jobSeconds,
        Duration.between(posted, startTime).toNanos() / 1e9,
        sealed,
        exact,
        checks);
  }

  /** Seconds from the job's end until the sealer has chained every audit entry, or -1. */
  private static double awaitSealed(Connection database, Instant endTime) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
    while (Instant.now().isBefore(deadline)) {
      if (count(database, "select count(*) from audit_entry where seq is null") == 0) {
        double seconds = Duration.between(endTime, Instant.now()).toNanos() / 1e9;
        System.out.printf(
            "  audit: every entry sealed into the chain %.1f s after the job's end%n",
            Math.max(0, seconds));
        return Math.max(0, seconds);
      }
      Thread.sleep(500);
    }
    System.out.println("  audit: entries still unsealed 10 minutes after the job's end");
    return -1;
  }

  /**
   * Seeds the due customers again (new ids and addresses, same rows each), then deletes every
   * customer the rule selects in one statement and one transaction, the application stopped. With
   * receipts, the same statement also writes what the job writes: suppression, tombstone and audit
   * entry (not sealed: the sealer is the application's).
   */
  private static Run setBased(
      String name,
      boolean receipts,
      PurgeSettings settings,
      PurgeSeeder seeder,
      int from,
      Postgres postgres,
      String databaseUrl,
      Connection database,
      GcLog gcLog,
      TopStatements statements)
      throws Exception {
    long seedStart = System.nanoTime();
    PurgeSeeder.Tally seeded;
    try (Connection seeding = postgres.connect(databaseUrl)) {
      seeded = seeder.seed(seeding, from, settings.dueCount(), n -> PurgeSeeder.Kind.DUE);
    }
    System.out.printf(
        "  seeded %,d due customers, %,d rows, in %.1f s%n",
        seeded.customers(), seeded.rows(), (System.nanoTime() - seedStart) / 1e9);
    settle(database);
    Map<String, Long> before = childCounts(database);
    long customersBefore = count(database, "select count(*) from customer");
    Instant now = Instant.now();
    LocalDate endedBefore = POLICY.contractEndedBefore(now);
    var inactiveSince = DatabaseTime.column(POLICY.inactiveSince(now));
    String sql =
        receipts
            ? """
              with gone as (
                delete from customer c where %s
                returning c.id, c.email_index,
                  case when exists (select 1 from contract k where k.customer_id = c.id)
                       then 'CONTRACT_ENDED' else 'LEAD_INACTIVE' end as rule),
              suppressed as (
                insert into suppression (address_index, scope, reason, at)
                select email_index, 'ALL', 'ERASED', current_timestamp from gone
                on conflict do nothing),
              buried as (
                insert into tombstone (customer_id, deleted_at, rule, execution_id)
                select id, current_timestamp, rule, null from gone),
              audited as (
                insert into audit_entry (id, at, actor, action, customer_id, detail)
                select gen_random_uuid()::text, current_timestamp, 'bench-set-based',
                       'CUSTOMER_PURGED', id, 'rule ' || rule || ', set-based' from gone)
              select count(*) from gone"""
                .formatted(RULE)
            : "delete from customer c where " + RULE;
    System.out.printf(
        "%s: one statement, one transaction, the application stopped (cut-off %s, inactive"
            + " since %s)...%n",
        name, endedBefore, inactiveSince);
    // the application is stopped: no pid of its own to sample
    MachineSampler sampler = new MachineSampler(NO_APP, gcLog, database);
    Neighbours neighbours = new Neighbours(NO_APP, database);
    long deleted;
    double seconds;
    try (Connection connection = postgres.connect(databaseUrl)) {
      connection.setAutoCommit(false);
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        statement.setObject(1, endedBefore);
        statement.setObject(2, inactiveSince);
        statement.setObject(3, inactiveSince);
        statement.setObject(4, inactiveSince);
        if (statements != null) {
          statements.reset();
        }
        sampler.opened();
        neighbours.opened();
        long start = System.nanoTime();
        if (receipts) {
          try (ResultSet row = statement.executeQuery()) {
            row.next();
            deleted = row.getLong(1);
          }
        } else {
          deleted = statement.executeUpdate();
        }
        connection.commit();
        seconds = (System.nanoTime() - start) / 1e9;
        sampler.closed();
      }
    }
    String others = neighbours.closed();
    String busiest = statements == null ? "" : statements.top(10); // before the checks' queries
    Map<String, Long> after = childCounts(database);
    long customersAfter = count(database, "select count(*) from customer");
    long dueLeft = count(database, "select count(*) from customer where source = 'bench-due'");
    System.out.printf(
        "  %,d customers deleted in %.2f s (%.0f customers/s); customers %,d -> %,d, %,d due"
            + " left: %s%n",
        deleted,
        seconds,
        deleted / seconds,
        customersBefore,
        customersAfter,
        dueLeft,
        deleted == seeded.due() && dueLeft == 0 && customersBefore - customersAfter == deleted
            ? "exact"
            : "WRONG");
    System.out.println("    (the application is stopped; generator = this JVM, idle)");
    System.out.print(sampler.summary());
    System.out.print(others);
    System.out.print(busiest);
    return new Run(name, deleted, seconds, difference(before, after));
  }

  private static void report(
      PurgeSettings settings,
      PurgeSeeder.Tally seeded,
      double seedSeconds,
      PurgeOutcome outcome,
      Run delete,
      Run withReceipts) {
    Run job = outcome.run();
    double ratio = job.seconds() / delete.seconds();
    boolean ratioMet = ratio <= MAX_RATIO;
    System.out.println();
    System.out.printf(
        "Seeding: %,d customers (%,d due), %,d rows (name words %,d, consent events %,d,"
            + " consent states %,d, contracts %,d) in %.1f s; not part of any figure below%n",
        seeded.customers(),
        seeded.due(),
        seeded.rows(),
        seeded.nameWords(),
        seeded.consentEvents(),
        seeded.consentStates(),
        seeded.contracts(),
        seedSeconds);
    System.out.printf(
        "%-30s %10s %10s %12s %14s%n",
        "deletion", "customers", "seconds", "customers/s", "cascaded rows");
    for (Run run :
        withReceipts == null ? List.of(job, delete) : List.of(job, delete, withReceipts)) {
      System.out.printf(
          "%-30s %,10d %10.2f %12.0f %,14d%n",
          run.name(), run.customers(), run.seconds(), run.rate(), run.cascadedRows());
    }
    System.out.printf(
        "Custodian: %.2f s from the start request to the job's end time (%.2f s until the job"
            + " started, %.2f s start to end); audit entries all sealed %s%n",
        job.seconds(),
        outcome.startLatencySeconds(),
        outcome.jobSeconds(),
        outcome.sealedAfterSeconds() < 0
            ? "NOT within 10 min"
            : "%.1f s after the job's end".formatted(outcome.sealedAfterSeconds()));
    System.out.printf(
        "Purge: %s (%s)%n",
        outcome.exact() ? "exactly the due customers" : "WRONG", outcome.checks());
    System.out.printf("Cascaded rows, job: %s; DELETE: %s%n", job.cascaded(), delete.cascaded());
    System.out.println();
    System.out.printf(
        "retention-purge / set-based DELETE wall time: %.2f (target <= %.0f, tombstones and audit"
            + " included): %s%n",
        ratio, MAX_RATIO, ratioMet ? "met" : "NOT MET");
    if (withReceipts != null) {
      System.out.printf(
          "retention-purge / set-based DELETE with suppression, tombstones and audit in the same"
              + " statement: %.2f (for information)%n",
          job.seconds() / withReceipts.seconds());
    }
    System.out.printf("Result: %s%n", ratioMet && outcome.exact() ? "PASS" : "FAIL");
  }

  // --- database helpers ---

  /** Vacuums and analyses what the deletions touch, then checkpoints, so each starts alike. */
  private static void settle(Connection database) throws SQLException {
    long start = System.nanoTime();
    try (Statement statement = database.createStatement()) {
      statement.execute("vacuum analyze " + String.join(", ", TOUCHED_TABLES));
      statement.execute("checkpoint");
    }
    System.out.printf(
        "  vacuum analyze and checkpoint: %.1f s%n", (System.nanoTime() - start) / 1e9);
  }

  private static Map<String, Long> childCounts(Connection database) throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : CHILD_TABLES) {
      counts.put(table, count(database, "select count(*) from " + table));
    }
    return counts;
  }

  private static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> gone = new LinkedHashMap<>();
    before.forEach((table, n) -> gone.put(table, n - after.get(table)));
    return gone;
  }

  private static String sources(Connection database) throws SQLException {
    StringBuilder text = new StringBuilder("  customers by kind:");
    try (Statement statement = database.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select source, count(*) from customer group by source order by source")) {
      while (rows.next()) {
        text.append(" %s %,d".formatted(rows.getString(1), rows.getLong(2)));
      }
    }
    return text.append(System.lineSeparator()).toString();
  }

  /**
   * The execution's batch status from the batch repository, which Custodian keeps in its own
   * PostgreSQL (Payara's table); from the executions resource if that table cannot be read.
   */
  private static String batchStatus(Connection database, Api admin, long executionId) {
    try (PreparedStatement query =
        database.prepareStatement(
            "select batchstatus from jbatchexecutioninstancedata where jobexecid = ?")) {
      query.setLong(1, executionId);
      try (ResultSet row = query.executeQuery()) {
        if (row.next() && row.getString(1) != null) {
          return row.getString(1);
        }
        return "STARTING";
      }
    } catch (SQLException e) {
      Api.Reply reply = admin.get("/api/v1/jobs/executions/" + executionId);
      return reply.status() == 200 ? reply.json().getString("batchStatus") : "STARTING";
    }
  }

  private static String withoutReport(JsonObject execution) {
    if (execution == null) {
      return "(never read)";
    }
    Map<String, JsonValue> copy = new LinkedHashMap<>(execution);
    copy.remove("report");
    return copy.toString();
  }

  /** The machine, the JVMs and the PostgreSQL server, as the figures depend on them. */
  private static String machine(Connection database) throws SQLException {
    String cpu = "unknown CPU";
    long memoryKb = 0;
    try {
      cpu =
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(line -> line.startsWith("model name"))
              .map(line -> line.substring(line.indexOf(':') + 1).strip())
              .findFirst()
              .orElse(cpu);
      memoryKb =
          Files.readAllLines(Path.of("/proc/meminfo")).stream()
              .filter(line -> line.startsWith("MemTotal:"))
              .map(line -> Long.parseLong(line.replaceAll("\\D", "")))
              .findFirst()
              .orElse(0L);
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    StringBuilder text = new StringBuilder();
    text.append(
        "Machine: %d cores (%s), %,d MB memory; Java %s%n"
            .formatted(
                Runtime.getRuntime().availableProcessors(),
                cpu,
                memoryKb / 1024,
                System.getProperty("java.version")));
    try (Statement statement = database.createStatement();
        ResultSet row =
            statement.executeQuery(
                "select current_setting('server_version'), current_setting('shared_buffers'),"
                    + " current_setting('work_mem'), current_setting('max_wal_size'),"
                    + " current_setting('autovacuum')")) {
      row.next();
      text.append(
          "PostgreSQL %s: shared_buffers %s, work_mem %s, max_wal_size %s, autovacuum %s%n"
              .formatted(
                  row.getString(1),
                  row.getString(2),
                  row.getString(3),
                  row.getString(4),
                  row.getString(5)));
    }
    return text.toString();
  }

  /** Embedded PostgreSQL starts with synchronous_commit off, which no production server would. */
  private static void setSynchronousCommit(Connection database, boolean on) throws Exception {
    try (Statement statement = database.createStatement()) {
      String name = database.getCatalog();
      statement.execute(
          "alter database \"%s\" set synchronous_commit = %s".formatted(name, on ? "on" : "off"));
    }
    // this connection was opened before: it gets the setting too
    try (Statement statement = database.createStatement()) {
      statement.execute("set synchronous_commit = " + (on ? "on" : "off"));
    }
  }

  private static void deleteTree(Path root) {
    if (Files.exists(root)) {
      try (var paths = Files.walk(root)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      } catch (IOException e) {
        System.out.println("(could not delete " + root + ": " + e + ")");
      }
    }
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
