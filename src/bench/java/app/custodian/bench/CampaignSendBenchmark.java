package app.custodian.bench;

import app.custodian.security.control.KeyMaterial;
import app.custodian.testing.Api;
import app.custodian.testing.CustodianProcess;
import jakarta.json.JsonObject;
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
    MailStack.run(
        settings.appHeap(),
        settings.appJvmOptions(),
        settings.synchronousCommit(),
        Map.of("CUSTODIAN_SEND_THREADS", Integer.toString(settings.sendThreads())),
        stack -> {
          double seedSeconds = stack.seed(audience);
          CustodianProcess custodian = stack.custodian();
          MachineSampler sampler =
              new MachineSampler(custodian.pid(), stack.gcLog(), stack.database());
          Neighbours neighbours = new Neighbours(custodian.pid(), stack.database());
          Run baseline =
              baseline(
                  settings, audience, stack.sink(), stack.keys(), custodian, sampler, neighbours);
          AppMemory memory = stack.appMemory();
          Outcome outcome =
              campaign(
                  settings,
                  audience,
                  stack.sink(),
                  stack.admin(),
                  custodian,
                  sampler,
                  neighbours,
                  memory);
          report(settings, audience, seedSeconds, baseline, outcome, memory);
        });
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
  record Outcome(Run run, MailJobWatch.Watched watched) {

    String status() {
      return watched.last().status();
    }

    JsonObject stats() {
      return watched.last().counters();
    }
  }

  private static Outcome campaign(
      CampaignSettings settings,
      Audience audience,
      SmtpSink sink,
      Api admin,
      CustodianProcess custodian,
      MachineSampler sampler,
      Neighbours neighbours,
      AppMemory memory)
      throws Exception {
    String body = Newsletter.campaign("Bản tin tháng 11 (benchmark)");
    Api.Reply created = admin.post("/api/v1/campaigns", body);
    if (created.status() != 201) {
      throw new IllegalStateException("Could not create the campaign: " + created);
    }
    String id = created.json().getString("id");
    System.out.printf(
        "Custodian: campaign %s to %,d opted-in of %,d customers, CUSTODIAN_SEND_THREADS=%d...%n",
        id, audience.optedInCount(), audience.customers(), settings.sendThreads());
    MailJobWatch.Watched watched =
        new MailJobWatch(
                admin,
                custodian,
                sink,
                memory,
                sampler,
                neighbours,
                settings.progressEvery(),
                settings.sendTimeout())
            .run(
                "/api/v1/campaigns/" + id + "/send",
                "/api/v1/campaigns/" + id,
                MailJobWatch.Reading::ofCampaign);
    Api.Reply job = admin.get("/api/v1/jobs/executions/" + watched.executionId());
    System.out.println("  job execution: " + (job.status() == 200 ? job.body() : job.toString()));
    return new Outcome(
        new Run("Custodian", watched.last().count("sent"), watched.seconds(), watched.tally()),
        watched);
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
    AppLog.Scan log = outcome.watched().log();
    boolean noOutOfMemory =
        log.problems().stream().noneMatch(line -> line.contains("OutOfMemoryError"));

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
        outcome.watched().lastMessageSeconds(), custodian.seconds(), outcome.status());
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
        memory.heapBetween(outcome.watched().startMillis(), outcome.watched().endMillis()));
    System.out.printf(
        "App log during the send: %d SEVERE, %d WARNING lines%s%n",
        log.severe(), log.warnings(), log.problems().isEmpty() ? "" : ":");
    log.problems().forEach(line -> System.out.println("  | " + line));
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
}
