package app.custodian.bench;

import app.custodian.bench.ReturnedMailFactory.Delivered;
import app.custodian.bench.ReturnedMailFactory.Returned;
import app.custodian.returns.control.ReturnedMail.Kind;
import app.custodian.testing.Api;
import app.custodian.testing.CustodianProcess;
import app.custodian.testing.Queries;
import app.custodian.testing.TestMailbox;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The mail-returns job at scale: {@code bench.returns} (10,000) customers seeded straight into
 * PostgreSQL and sent a newsletter by the application (into the SMTP sink), then as many returned
 * emails, one about each delivered message, put into a GreenMail IMAP mailbox in this JVM: real
 * samples addressed to the messages' VERP addresses, and mailto unsubscribes with their signed
 * tokens (see {@link ReturnedMailFactory} for the mix). {@code POST /api/v1/jobs/mail-returns}
 * starts the job, polled every second until it ends. Prints returns/s from the request to the end
 * seen by polling, the job's report, where the CPU went, and whether every return was read and
 * acted on once: the report's counts as the classifier reads what was seeded, one {@code
 * mail_return} row each, the suppressions they make, INBOX empty and the processed folder holding
 * them all. Target (issue 18): at least 300 returns/s.
 *
 * <p>Run with {@code ./mvnw -Pbench -DskipTests package exec:exec@mail-returns}; see {@link
 * ReturnsSettings} for the {@code bench.*} properties.
 */
public final class MailReturnsBenchmark {

  static final String MAILBOX_USER = "returns@bench.example.vn";
  static final String MAILBOX_PASSWORD = "bench-returns-password";
  static final String BOUNCE_ADDRESS = "bounces@bench.example.vn";
  static final String PROCESSED = "Processed";
  static final double TARGET = 300;

  private static final Set<String> RUNNING = Set.of("STARTING", "STARTED", "STOPPING");
  private static final Map<Kind, String> REPORTED = new EnumMap<>(Kind.class);

  static {
    REPORTED.put(Kind.HARD_BOUNCE, "hardBounces");
    REPORTED.put(Kind.SOFT_BOUNCE, "softBounces");
    REPORTED.put(Kind.COMPLAINT, "complaints");
    REPORTED.put(Kind.UNSUBSCRIBE, "unsubscribes");
    REPORTED.put(Kind.AUTO_REPLY, "autoReplies");
    REPORTED.put(Kind.UNMATCHED, "unmatched");
  }

  private MailReturnsBenchmark() {}

  /** What was put into the mailbox: how many of each kind, and how many name their message. */
  record Seeded(int total, Map<Kind, Integer> kinds, int namingMessage, double seconds) {}

  /** How the job's run went. */
  record Run(long executionId, String status, JsonObject report, double seconds) {
    long count(String name) {
      JsonNumber number = report == null ? null : report.getJsonNumber(name);
      return number == null ? 0 : number.longValue();
    }
  }

  public static void main(String[] args) throws Exception {
    ReturnsSettings settings = ReturnsSettings.fromSystemProperties();
    System.out.println("Mail returns benchmark: " + settings);
    GreenMail imap = startImap();
    try {
      GreenMailUser mailbox = imap.setUser(MAILBOX_USER, MAILBOX_USER, MAILBOX_PASSWORD);
      int port = imap.getImap().getPort();
      System.out.println("GreenMail IMAP listening on 127.0.0.1:" + port);
      Map<String, String> environment = new LinkedHashMap<>();
      environment.put(
          "CUSTODIAN_RETURNS_MAILBOX",
          "imap://returns%40bench.example.vn:"
              + MAILBOX_PASSWORD
              + "@127.0.0.1:"
              + port
              + "/INBOX");
      environment.put("CUSTODIAN_RETURNS_PROCESSED_FOLDER", PROCESSED);
      environment.put("CUSTODIAN_BOUNCE_ADDRESS", BOUNCE_ADDRESS);
      environment.put("CUSTODIAN_RETURNS_EVERY", "PT24H"); // only the benchmark's run
      MailStack.run(
          settings.appHeap(),
          settings.appJvmOptions(),
          settings.synchronousCommit(),
          environment,
          stack -> run(settings, stack, imap, mailbox));
    } finally {
      imap.stop();
    }
  }

  private static void run(
      ReturnsSettings settings, MailStack stack, GreenMail imap, GreenMailUser mailbox)
      throws Exception {
    Audience audience = new Audience(settings.returns(), 1.0);
    stack.seed(audience);
    String campaignId = sendCampaign(settings, stack, audience);
    List<Delivered> delivered = delivered(stack.database(), campaignId);
    if (delivered.size() != settings.returns()) {
      throw new IllegalStateException(
          "the campaign delivered " + delivered.size() + " messages, not " + settings.returns());
    }
    ReturnedMailFactory factory =
        new ReturnedMailFactory(
            BOUNCE_ADDRESS,
            BOUNCE_ADDRESS,
            stack.keys().messageKeyTokens(),
            stack.keys().signedTokens());
    System.out.println("Samples: " + factory.describe());
    Seeded seeded = fillMailbox(factory, delivered, mailbox);
    System.out.printf(
        "Mailbox: %,d returned emails in INBOX in %.1f s (%s; %,d name their message)%n",
        seeded.total(), seeded.seconds(), seeded.kinds(), seeded.namingMessage());

    CustodianProcess custodian = stack.custodian();
    MachineSampler sampler = new MachineSampler(custodian.pid(), stack.gcLog(), stack.database());
    Neighbours neighbours = new Neighbours(custodian.pid(), stack.database());
    AppMemory memory = stack.appMemory();
    long logFrom = AppLog.size(custodian);
    memory.sampleRss();
    long startMillis = System.currentTimeMillis();
    sampler.opened();
    neighbours.opened();
    Run run = readReturns(settings, stack.admin(), stack.database(), memory);
    sampler.closed();
    String others = neighbours.closed();
    long endMillis = System.currentTimeMillis();
    System.out.println("    (generator = this JVM: the GreenMail IMAP server and the SMTP sink)");
    System.out.print(sampler.summary());
    System.out.print(others);
    report(settings, seeded, run, imap, stack.database(), memory, startMillis, endMillis);
    AppLog.Scan log = AppLog.scan(custodian, logFrom);
    System.out.printf(
        "App log during the run: %d SEVERE, %d WARNING lines%s%n",
        log.severe(), log.warnings(), log.problems().isEmpty() ? "" : ":");
    log.problems().forEach(line -> System.out.println("  | " + line));
  }

  private static GreenMail startImap() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    GreenMail imap = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
    imap.start();
    return imap;
  }

  /** A newsletter to every customer, by the application into the sink: the messages to return. */
  private static String sendCampaign(ReturnsSettings settings, MailStack stack, Audience audience)
      throws Exception {
    String body = Newsletter.campaign("Bản tin tháng 11 (mail-returns benchmark)");
    Api admin = stack.admin();
    Api.Reply created = admin.post("/api/v1/campaigns", body);
    if (created.status() != 201) {
      throw new IllegalStateException("Could not create the campaign: " + created);
    }
    String id = created.json().getString("id");
    System.out.printf(
        "Sending campaign %s to %,d customers (the messages that come back)...%n",
        id, audience.customers());
    CustodianProcess custodian = stack.custodian();
    MailJobWatch.Watched watched =
        new MailJobWatch(
                admin,
                custodian,
                stack.sink(),
                stack.appMemory(),
                new MachineSampler(custodian.pid(), stack.gcLog(), stack.database()),
                new Neighbours(custodian.pid(), stack.database()),
                settings.progressEvery(),
                settings.timeout())
            .run(
                "/api/v1/campaigns/" + id + "/send",
                "/api/v1/campaigns/" + id,
                MailJobWatch.Reading::ofCampaign);
    if (!watched.last().status().equals("SENT")) {
      throw new IllegalStateException("the campaign ended " + watched.last().status());
    }
    return id;
  }

  private static List<Delivered> delivered(Connection database, String campaignId)
      throws SQLException {
    List<Delivered> rows = new ArrayList<>();
    try (PreparedStatement query =
        database.prepareStatement(
            "select message_key, customer_id from delivery where campaign_id = ?"
                + " and status = 'SENT' order by message_key")) {
      query.setString(1, campaignId);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          rows.add(new Delivered(row.getLong(1), row.getString(2)));
        }
      }
    }
    return rows;
  }

  private static Seeded fillMailbox(
      ReturnedMailFactory factory, List<Delivered> delivered, GreenMailUser mailbox)
      throws Exception {
    long started = System.nanoTime();
    Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);
    int naming = 0;
    Session session = Session.getInstance(new Properties());
    for (int n = 0; n < delivered.size(); n++) {
      Returned returned = factory.returned(n, delivered.get(n));
      kinds.merge(returned.kind(), 1, Integer::sum);
      if (returned.namesMessage()) {
        naming++;
      }
      mailbox.deliver(
          new MimeMessage(
              session,
              new ByteArrayInputStream(returned.raw().getBytes(StandardCharsets.ISO_8859_1))));
    }
    return new Seeded(delivered.size(), kinds, naming, (System.nanoTime() - started) / 1e9);
  }

  /**
   * Starts the job and polls its execution every second. The report's counts are the step's
   * persistent data, which the batch runtime shows only at the end: progress is counted in {@code
   * mail_return} rows.
   */
  private static Run readReturns(
      ReturnsSettings settings, Api admin, Connection database, AppMemory memory)
      throws InterruptedException, SQLException {
    System.out.println("Custodian: POST /api/v1/jobs/mail-returns...");
    long start = System.nanoTime();
    Api.Reply started = admin.post("/api/v1/jobs/mail-returns", "");
    if (started.status() != 202) {
      throw new IllegalStateException("Could not start the job: " + started);
    }
    long executionId = started.json().getJsonNumber("executionId").longValue();
    System.out.printf("  mail-returns answered 202, job execution %d%n", executionId);
    String path = "/api/v1/jobs/executions/" + executionId;
    long deadline = start + settings.timeout().toNanos();
    long lastPrint = start;
    long lastRecorded = 0;
    while (true) {
      Thread.sleep(1000);
      Api.Reply reply = admin.get(path);
      long now = System.nanoTime();
      if (reply.status() != 200) {
        System.out.println("  " + path + " answered " + reply);
        if (now > deadline) {
          throw new IllegalStateException(path + " could not be read until the timeout");
        }
        continue;
      }
      JsonObject execution = reply.json();
      String status = execution.getString("batchStatus");
      JsonObject report = execution.isNull("report") ? null : execution.getJsonObject("report");
      Run run = new Run(executionId, status, report, (now - start) / 1e9);
      boolean done = !RUNNING.contains(status);
      long recorded = count(database, "select count(*) from mail_return where source = 'MAILBOX'");
      long rss = memory.sampleRss();
      if (done || now - lastPrint >= settings.progressEvery().toNanos() || now > deadline) {
        System.out.printf(
            "  %6.0f s %-9s recorded %,7d  %6.0f/s now  %6.0f/s mean  app RSS %,d MB%n",
            run.seconds(),
            status,
            recorded,
            (recorded - lastRecorded) / ((now - lastPrint) / 1e9),
            recorded / run.seconds(),
            rss / 1024);
        lastPrint = now;
        lastRecorded = recorded;
      }
      if (done) {
        System.out.println("  " + path + ": " + execution);
        return run;
      }
      if (now > deadline) {
        System.out.printf(
            "  TIMEOUT: not ended after %d minutes%n", settings.timeout().toMinutes());
        return run;
      }
    }
  }

  private static void report(
      ReturnsSettings settings,
      Seeded seeded,
      Run run,
      GreenMail imap,
      Connection database,
      AppMemory memory,
      long startMillis,
      long endMillis)
      throws Exception {
    long expected = seeded.total();
    long read = run.count("read");
    int inbox = count(imap, "INBOX");
    int processed = count(imap, PROCESSED);
    long rows = count(database, "select count(*) from mail_return where source = 'MAILBOX'");
    long distinct =
        count(
            database, "select count(distinct source_id) from mail_return where source = 'MAILBOX'");
    long mapped =
        count(
            database,
            "select count(*) from mail_return where source = 'MAILBOX' and customer_id is not null");
    long audited =
        count(database, "select count(*) from audit_entry where action like 'MAIL_RETURN_%'");
    int hard = seeded.kinds().getOrDefault(Kind.HARD_BOUNCE, 0);
    int complaints = seeded.kinds().getOrDefault(Kind.COMPLAINT, 0);
    int unsubscribes = seeded.kinds().getOrDefault(Kind.UNSUBSCRIBE, 0);
    long hardSuppressed = suppressions(database, "HARD_BOUNCE");
    long complaintSuppressed = suppressions(database, "COMPLAINT");
    long unsubscribed = suppressions(database, "UNSUBSCRIBED");
    long softLimit = suppressions(database, "SOFT_BOUNCE_LIMIT");

    List<String> mismatches = new ArrayList<>();
    check(mismatches, "batch status", "COMPLETED", run.status());
    check(mismatches, "read", expected, read);
    for (Map.Entry<Kind, String> kind : REPORTED.entrySet()) {
      check(
          mismatches,
          kind.getValue(),
          seeded.kinds().getOrDefault(kind.getKey(), 0),
          run.count(kind.getValue()));
    }
    check(mismatches, "INBOX", 0, inbox);
    check(mismatches, PROCESSED, expected, processed);
    check(mismatches, "mail_return rows", expected, rows);
    check(mismatches, "distinct Message-IDs recorded", expected, distinct);
    check(mismatches, "returns mapped to a customer", seeded.namingMessage(), mapped);
    check(mismatches, "MAIL_RETURN_* audit entries", expected, audited);
    check(mismatches, "HARD_BOUNCE suppressions", hard, hardSuppressed);
    check(
        mismatches,
        "COMPLAINT suppressions (NEWSLETTER, SURVEY)",
        2L * complaints,
        complaintSuppressed);
    check(mismatches, "UNSUBSCRIBED suppressions", unsubscribes, unsubscribed);
    check(mismatches, "SOFT_BOUNCE_LIMIT suppressions (one soft bounce each)", 0, softLimit);

    System.out.println();
    System.out.printf(
        "Returns: %,d; job %s; %.1f s from the request to the end seen by polling (every second)%n",
        expected, run.status(), run.seconds());
    System.out.printf(
        "Rate: %.1f returns/s (read / seconds to the end seen by polling); %.2f ms a return;"
            + " target %.0f/s: %s%n",
        read / run.seconds(),
        read == 0 ? 0 : run.seconds() * 1000 / read,
        TARGET,
        read / run.seconds() >= TARGET ? "met" : "NOT met");
    System.out.printf(
        "Job report: read %,d, hard bounces %,d, soft bounces %,d, complaints %,d, unsubscribes"
            + " %,d, auto-replies %,d, unmatched %,d%n",
        read,
        run.count("hardBounces"),
        run.count("softBounces"),
        run.count("complaints"),
        run.count("unsubscribes"),
        run.count("autoReplies"),
        run.count("unmatched"));
    System.out.printf(
        "Mailbox after: INBOX %,d, %s %,d; mail_return rows %,d (%,d distinct), %,d mapped to a"
            + " customer; suppressions: hard bounce %,d, complaint %,d, unsubscribed %,d%n",
        inbox,
        PROCESSED,
        processed,
        rows,
        distinct,
        mapped,
        hardSuppressed,
        complaintSuppressed,
        unsubscribed);
    System.out.printf(
        "App memory (-Xmx%s): peak RSS %,d MB over the process's life, at most %,d MB sampled"
            + " during the run; during the run %s%n",
        settings.appHeap(),
        memory.peakRssKb() / 1024,
        memory.maxSampledRssKb() / 1024,
        memory.heapBetween(startMillis, endMillis));
    System.out.println();
    if (mismatches.isEmpty()) {
      System.out.println("Every return was read and acted on exactly once: yes");
    } else {
      System.out.println("Every return was read and acted on exactly once: NO");
      mismatches.forEach(m -> System.out.println("  " + m));
    }
  }

  private static void check(List<String> mismatches, String what, Object expected, Object actual) {
    if (!String.valueOf(expected).equals(String.valueOf(actual))) {
      mismatches.add(what + ": expected " + expected + ", was " + actual);
    }
  }

  private static long suppressions(Connection database, String reason) throws SQLException {
    try (PreparedStatement query =
        database.prepareStatement("select count(*) from suppression where reason = ?")) {
      query.setString(1, reason);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  private static long count(Connection database, String sql) throws SQLException {
    return Queries.count(database, sql);
  }

  private static int count(GreenMail imap, String folderName) throws Exception {
    return TestMailbox.count(imap, MAILBOX_USER, MAILBOX_PASSWORD, folderName);
  }
}
