package app.custodian.bench;

import app.custodian.security.control.KeyMaterial;
import app.custodian.testing.Api;
import app.custodian.testing.CustodianProcess;
import app.custodian.testing.Postgres;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The campaign benchmark: a newsletter to the opted-in half of 200,000 customers, sent by
 * Custodian's {@code newsletter-send} job into an SMTP sink in this JVM, next to a baseline in the
 * same run that sends the same number of similar messages with a plain Jakarta Mail loop over the
 * same number of reused connections to the same sink. Prints emails/s of both, the ratio, and
 * whether every opted-in customer got exactly one message.
 *
 * <p>Run with {@code ./mvnw -Pbench -DskipTests package exec:exec@campaign-send}; see {@link
 * CampaignSettings} for the {@code bench.*} properties.
 */
public final class CampaignSendBenchmark {

  static final double MIN_RATIO = 0.5;
  static final double LISTMONK_DEFAULT_RATE = 100;
  static final double MIN_TIMES_LISTMONK = 5;

  private static final String ADMIN_PASSWORD = "bench-admin-password";

  private CampaignSendBenchmark() {}

  /** A timed run of one sender. */
  record Run(String name, long emails, double seconds, SmtpSink.Tally sink) {
    double rate() {
      return emails / seconds;
    }
  }

  public static void main(String[] args) throws Exception {
    CampaignSettings settings = CampaignSettings.fromSystemProperties();
    Audience audience = settings.audience();
    System.out.println("Campaign send benchmark: " + settings);
    Path dataDir = Files.createTempDirectory("custodian-bench-");
    String piiKey = randomKey();
    String tokenKey = randomKey();
    KeyMaterial keys = KeyMaterial.resolve(piiKey, tokenKey, dataDir, System.out::println);
    try (SmtpSink sink = SmtpSink.start();
        Postgres postgres = Postgres.start()) {
      System.out.println("SMTP sink listening on 127.0.0.1:" + sink.port());
      String databaseUrl = postgres.createDatabase();
      GcLog gcLog = new GcLog(dataDir.resolve("gc.log"));
      try (Connection database = postgres.connect(databaseUrl)) {
        setSynchronousCommit(database, settings.synchronousCommit());
        Map<String, String> environment = postgres.custodianSettings(databaseUrl);
        environment.put("CUSTODIAN_DATA_DIR", dataDir.toString());
        environment.put("CUSTODIAN_ADMIN_PASSWORD", ADMIN_PASSWORD);
        environment.put("CUSTODIAN_PII_KEY", piiKey);
        environment.put("CUSTODIAN_TOKEN_KEY", tokenKey);
        environment.put("CUSTODIAN_SMTP_HOST", "127.0.0.1");
        environment.put("CUSTODIAN_SMTP_PORT", Integer.toString(sink.port()));
        environment.put("CUSTODIAN_SEND_THREADS", Integer.toString(settings.sendThreads()));
        environment.put("CUSTODIAN_SEND_RATE", "0");
        environment.put("CUSTODIAN_COMPANY_NAME", Newsletter.COMPANY_NAME);
        environment.put("CUSTODIAN_COMPANY_ADDRESS", Newsletter.COMPANY_ADDRESS);
        CustodianProcess custodian =
            new CustodianProcess(dataDir, environment)
                .jvmOptions("-Xmx" + settings.appHeap())
                .jvmOptions(gcLog.jvmOption())
                .jvmOptions(settings.appJvmOptions().toArray(String[]::new));
        try {
          long started = System.nanoTime();
          custodian.start();
          System.out.printf(
              "Custodian started in %.1f s (pid %d, -Xmx%s, log %s)%n",
              (System.nanoTime() - started) / 1e9,
              custodian.pid(),
              settings.appHeap(),
              dataDir.resolve("custodian.log"));

          System.out.printf(
              "Seeding %,d customers (%,d opted in to NEWSLETTER) with JDBC...%n",
              audience.customers(), audience.optedInCount());
          long seedStart = System.nanoTime();
          try (Connection seeding = postgres.connect(withBatchedInserts(databaseUrl))) {
            new AudienceSeeder(keys.fieldCipher(), keys.blindIndex()).seed(seeding, audience);
          }
          double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
          System.out.printf(
              "Seeded %,d customers in %.1f s (%.0f customers/s)%n",
              audience.customers(), seedSeconds, audience.customers() / seedSeconds);

          MachineSampler sampler = new MachineSampler(custodian.pid(), gcLog, database);
          Neighbours neighbours = new Neighbours(custodian.pid(), database);
          Run baseline = baseline(settings, audience, sink, keys, custodian, sampler, neighbours);
          AppMemory memory = new AppMemory(custodian.pid(), dataDir.resolve("gc.log"));
          Outcome outcome =
              campaign(settings, audience, sink, custodian, sampler, neighbours, memory);
          report(settings, audience, seedSeconds, baseline, outcome, memory);
        } finally {
          custodian.stop();
          deleteTree(dataDir.resolve("tmp")); // Payara's runtime, 100 MB a run; the log stays
        }
      }
    }
  }

  private static Run baseline(
      CampaignSettings settings,
      Audience audience,
      SmtpSink sink,
      KeyMaterial keys,
      CustodianProcess custodian,
      MachineSampler sampler,
      Neighbours neighbours)
      throws InterruptedException {
    PlainMailLoop loop =
        new PlainMailLoop(
            sink.port(),
            settings.sendThreads(),
            keys.signedTokens(),
            custodian.baseUri().toString());
    int warmupCustomers =
        (int) Math.min(audience.customers(), settings.baselineWarmup() / audience.optedInShare());
    if (warmupCustomers > 0) {
      long warm = loop.send(audience, 0, warmupCustomers, null);
      System.out.printf("Baseline warm-up: %,d messages (not counted)%n", warm);
    }
    sink.reset();
    System.out.printf(
        "Baseline: plain Jakarta Mail, %d threads with one reused connection each, %,d"
            + " messages...%n",
        settings.sendThreads(), audience.optedInCount());
    sampler.opened();
    neighbours.opened();
    long start = System.nanoTime();
    long sent = loop.send(audience, 0, audience.customers(), settings.progressEvery());
    double seconds = (System.nanoTime() - start) / 1e9;
    sampler.closed();
    String others = neighbours.closed();
    SmtpSink.Tally tally = sink.reset();
    Run run = new Run("baseline", sent, seconds, tally);
    System.out.printf(
        "  %,d messages in %.1f s: %.1f emails/s; sink: %,d messages, %,d distinct recipients,"
            + " %.0f bytes on average, %d connections%n",
        sent,
        seconds,
        run.rate(),
        tally.messages(),
        tally.distinctRecipients(),
        tally.averageBytes(),
        tally.connections());
    System.out.println("    (generator = this JVM: the baseline loop and the SMTP sink)");
    System.out.print(sampler.summary());
    System.out.print(others);
    return run;
  }

  /** How the campaign went, as Custodian and the sink tell it. */
  record Outcome(
      Run run,
      String status,
      JsonObject stats,
      double lastMessageSeconds,
      long startMillis,
      long endMillis,
      List<String> logProblems,
      long warnings,
      long severe) {}

  private static Outcome campaign(
      CampaignSettings settings,
      Audience audience,
      SmtpSink sink,
      CustodianProcess custodian,
      MachineSampler sampler,
      Neighbours neighbours,
      AppMemory memory)
      throws Exception {
    Api admin = custodian.api("admin", ADMIN_PASSWORD);
    String body =
        Json.createObjectBuilder()
            .add("name", "Bản tin tháng 11 (benchmark)")
            .add("purpose", "NEWSLETTER")
            .add("subject", Newsletter.SUBJECT)
            .add("textBody", Newsletter.TEXT)
            .add("htmlBody", Newsletter.HTML)
            .add("advertising", true)
            .build()
            .toString();
    Api.Reply created = admin.post("/api/v1/campaigns", body);
    if (created.status() != 201) {
      throw new IllegalStateException("Could not create the campaign: " + created);
    }
    String id = created.json().getString("id");
    long logFrom = logSize(custodian);
    System.out.printf(
        "Custodian: campaign %s to %,d opted-in of %,d customers, CUSTODIAN_SEND_THREADS=%d...%n",
        id, audience.optedInCount(), audience.customers(), settings.sendThreads());
    sink.reset();
    memory.sampleRss();
    sampler.opened();
    neighbours.opened();
    long startMillis = System.currentTimeMillis();
    long start = System.nanoTime();
    Api.Reply send = admin.post("/api/v1/campaigns/" + id + "/send", "");
    if (send.status() != 202) {
      sampler.closed();
      throw new IllegalStateException("Could not start sending: " + send);
    }
    long executionId = send.json().getJsonNumber("executionId").longValue();
    System.out.printf("  send answered %d, job execution %d%n", send.status(), executionId);
    long deadline = start + settings.sendTimeout().toNanos();
    long lastPrint = start;
    long lastSent = 0;
    String status;
    JsonObject stats;
    while (true) {
      Thread.sleep(1000);
      Api.Reply reply = admin.get("/api/v1/campaigns/" + id);
      long now = System.nanoTime();
      if (reply.status() != 200) {
        System.out.println("  campaign read answered " + reply);
        if (now > deadline) {
          throw new IllegalStateException("The campaign could not be read until the timeout");
        }
        continue;
      }
      JsonObject campaign = reply.json();
      status = campaign.getString("status");
      stats = campaign.getJsonObject("stats");
      long sent = stats.getJsonNumber("sent").longValue();
      long rss = memory.sampleRss();
      boolean done = !status.equals("SENDING") && !status.equals("DRAFT");
      if (done || now - lastPrint >= settings.progressEvery().toNanos() || now > deadline) {
        System.out.printf(
            "  %6.0f s %-7s sent %,9d  pending %,5d  failed %,d  uncertain %,d  %6.0f/s now"
                + "  %6.0f/s mean  sink %,9d  app RSS %,d MB%n",
            (now - start) / 1e9,
            status,
            sent,
            stats.getJsonNumber("pending").longValue(),
            stats.getJsonNumber("failed").longValue(),
            stats.getJsonNumber("uncertain").longValue(),
            (sent - lastSent) / ((now - lastPrint) / 1e9),
            sent / ((now - start) / 1e9),
            sink.tally().messages(),
            rss / 1024);
        lastPrint = now;
        lastSent = sent;
      }
      if (done) {
        break;
      }
      if (now > deadline) {
        System.out.printf(
            "  TIMEOUT: not sent after %d minutes%n", settings.sendTimeout().toMinutes());
        break;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    sampler.closed();
    String others = neighbours.closed();
    SmtpSink.Tally tally = sink.reset();
    Api.Reply job = admin.get("/api/v1/jobs/executions/" + executionId);
    LogScan scan = scanLog(custodian, logFrom);
    Run run = new Run("Custodian", stats.getJsonNumber("sent").longValue(), seconds, tally);
    System.out.printf(
        "  %s after %.1f s; sink: %,d messages, %,d distinct recipients, %,d duplicates,"
            + " %,d to unknown addresses, %.0f bytes on average, %d connections; last message"
            + " at %.1f s%n",
        status,
        seconds,
        tally.messages(),
        tally.distinctRecipients(),
        tally.duplicates(),
        tally.strangers(),
        tally.averageBytes(),
        tally.connections(),
        tally.lastMessageNanos() == 0 ? 0 : (tally.lastMessageNanos() - start) / 1e9);
    System.out.println("  campaign stats: " + stats);
    System.out.println("  job execution: " + (job.status() == 200 ? job.body() : job.toString()));
    System.out.println("    (generator = this JVM: the SMTP sink)");
    System.out.print(sampler.summary());
    System.out.print(others);
    return new Outcome(
        run,
        status,
        stats,
        tally.lastMessageNanos() == 0 ? 0 : (tally.lastMessageNanos() - start) / 1e9,
        startMillis,
        System.currentTimeMillis(),
        scan.problems(),
        scan.warnings(),
        scan.severe());
  }

  private static void report(
      CampaignSettings settings,
      Audience audience,
      double seedSeconds,
      Run baseline,
      Outcome outcome,
      AppMemory memory) {
    Run custodian = outcome.run();
    long expected = audience.optedInCount();
    SmtpSink.Tally sink = custodian.sink();
    JsonObject stats = outcome.stats();
    boolean sent = outcome.status().equals("SENT");
    boolean exact =
        sink.messages() == expected
            && sink.distinctRecipients() == expected
            && sink.duplicates() == 0
            && sink.strangers() == 0
            && stats.getJsonNumber("sent").longValue() == expected
            && stats.getJsonNumber("failed").longValue() == 0
            && stats.getJsonNumber("uncertain").longValue() == 0
            && stats.getJsonNumber("pending").longValue() == 0
            && stats.getJsonNumber("skippedNoConsent").longValue()
                == audience.customers() - expected;
    double rate = sent ? custodian.rate() : 0;
    double ratio = rate / baseline.rate();
    boolean ratioMet = ratio >= MIN_RATIO;
    boolean listmonkMet = rate >= MIN_TIMES_LISTMONK * LISTMONK_DEFAULT_RATE;
    boolean noOutOfMemory =
        outcome.logProblems().stream().noneMatch(line -> line.contains("OutOfMemoryError"));

    System.out.println();
    System.out.printf(
        "Seeding: %,d customers (%,d opted in) in %.1f s%n",
        audience.customers(), expected, seedSeconds);
    System.out.printf(
        "%-10s %10s %9s %10s %11s%n", "sender", "emails", "seconds", "emails/s", "avg bytes");
    for (Run run : List.of(baseline, custodian)) {
      System.out.printf(
          "%-10s %,10d %9.1f %10.1f %,11.0f%n",
          run.name(), run.emails(), run.seconds(), run.rate(), run.sink().averageBytes());
    }
    System.out.printf(
        "Custodian: %.1f s from the send request to the last message at the sink, %.1f s to"
            + " status %s (polled every second)%n",
        outcome.lastMessageSeconds(), custodian.seconds(), outcome.status());
    System.out.printf(
        "Delivery: %s (sink %,d messages to %,d distinct opted-in recipients, %,d duplicates,"
            + " %,d unknown; stats sent %d, failed %d, uncertain %d, pending %d, skippedNoConsent"
            + " %d; expected %,d sent)%n",
        exact ? "exactly once to every opted-in customer" : "WRONG",
        sink.messages(),
        sink.distinctRecipients(),
        sink.duplicates(),
        sink.strangers(),
        stats.getJsonNumber("sent").longValue(),
        stats.getJsonNumber("failed").longValue(),
        stats.getJsonNumber("uncertain").longValue(),
        stats.getJsonNumber("pending").longValue(),
        stats.getJsonNumber("skippedNoConsent").longValue(),
        expected);
    System.out.printf(
        "App memory (-Xmx%s): peak RSS %,d MB over the process's life, at most %,d MB sampled"
            + " during the send; during the send %s%n",
        settings.appHeap(),
        memory.peakRssKb() / 1024,
        memory.maxSampledRssKb() / 1024,
        memory.heapBetween(outcome.startMillis(), outcome.endMillis()));
    System.out.printf(
        "App log during the send: %d SEVERE, %d WARNING lines%s%n",
        outcome.severe(), outcome.warnings(), outcome.logProblems().isEmpty() ? "" : ":");
    outcome.logProblems().forEach(line -> System.out.println("  | " + line));
    System.out.println();
    System.out.printf(
        "Custodian / baseline emails/s: %.3f (target >= %.2f): %s%n",
        ratio, MIN_RATIO, ratioMet ? "met" : "NOT MET");
    System.out.printf(
        "Custodian emails/s / listmonk's default %.0f/s: %.1f x (target >= %.0f x): %s%n",
        LISTMONK_DEFAULT_RATE,
        rate / LISTMONK_DEFAULT_RATE,
        MIN_TIMES_LISTMONK,
        listmonkMet ? "met" : "NOT MET");
    System.out.printf(
        "Campaign SENT with -Xmx%s, without OutOfMemoryError: %s%n",
        settings.appHeap(), sent && noOutOfMemory ? "yes" : "NO");
    System.out.printf(
        "Every opted-in customer got exactly one message: %s%n", exact ? "yes" : "NO");
    boolean pass = ratioMet && listmonkMet && sent && noOutOfMemory && exact;
    System.out.printf("Result: %s%n", pass ? "PASS" : "FAIL");
  }

  record LogScan(List<String> problems, long warnings, long severe) {}

  /** SEVERE lines, exceptions and their first stack frames written since the given offset. */
  private static LogScan scanLog(CustodianProcess custodian, long from) throws IOException {
    String text = custodian.log();
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    String since =
        from >= bytes.length
            ? ""
            : new String(bytes, (int) from, bytes.length - (int) from, StandardCharsets.UTF_8);
    List<String> problems = new ArrayList<>();
    long warnings = 0;
    long severe = 0;
    int frames = 0;
    for (String line : since.replaceAll("\u001B\\[[0-9;]*m", "").split("\n")) {
      if (line.contains("[WARNING]")) {
        warnings++;
      }
      boolean bad =
          line.contains("[SEVERE]")
              || line.contains("Exception")
              || line.contains("Error:")
              || line.contains("OutOfMemoryError");
      if (line.contains("[SEVERE]")) {
        severe++;
      }
      if (bad) {
        frames = 0;
        if (problems.size() < 40) {
          problems.add(line.strip());
        }
      } else if (line.strip().startsWith("at ") && frames < 5 && problems.size() < 40) {
        frames++;
        if (!problems.isEmpty()) {
          problems.add(line.strip());
        }
      }
    }
    return new LogScan(problems, warnings, severe);
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

  private static long logSize(CustodianProcess custodian) {
    return custodian.log().getBytes(StandardCharsets.UTF_8).length;
  }

  /** Embedded PostgreSQL starts with synchronous_commit off, which no production server would. */
  private static void setSynchronousCommit(Connection database, boolean on) throws Exception {
    try (Statement statement = database.createStatement()) {
      String name = database.getCatalog();
      statement.execute(
          "alter database \"%s\" set synchronous_commit = %s".formatted(name, on ? "on" : "off"));
    }
  }

  private static String withBatchedInserts(String url) {
    return url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
