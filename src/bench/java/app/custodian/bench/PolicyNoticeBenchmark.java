package app.custodian.bench;

import app.custodian.testing.Api;
import app.custodian.testing.CustodianProcess;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * The policy-notice job at scale: {@code bench.customers} (100,000) customers seeded straight into
 * PostgreSQL, a policy version registered through the API and its {@code policy-notice} job started
 * with {@code POST /api/v1/policies/{version}/notify}, polled every second until it ends. The
 * notices go to an SMTP sink in this JVM. Prints notices/s from the request to the job's end, the
 * job's report, whether every customer (opted in or not: a policy notice needs no consent) got
 * exactly one message, app memory and where the CPU went. No target: figures only.
 *
 * <p>Run with {@code ./mvnw -Pbench -DskipTests package exec:exec@policy-notice}; see {@link
 * NoticeSettings} for the {@code bench.*} properties.
 */
public final class PolicyNoticeBenchmark {

  static final String VERSION = "bench-2026-12";

  private static final Set<String> RUNNING = Set.of("STARTING", "STARTED", "STOPPING");

  private PolicyNoticeBenchmark() {}

  /** How the run went, as the job's execution, the sink and the application's log tell it. */
  record Outcome(MailJobWatch.Watched watched, double jobSeconds) {

    String batchStatus() {
      return watched.last().status();
    }

    long reported(String name) {
      return watched.last().count(name);
    }
  }

  public static void main(String[] args) throws Exception {
    NoticeSettings settings = NoticeSettings.fromSystemProperties();
    Audience audience = settings.audience();
    System.out.println("Policy notice benchmark: " + settings);
    MailStack.run(
        settings.appHeap(),
        settings.appJvmOptions(),
        settings.synchronousCommit(),
        Map.of(),
        stack -> {
          double seedSeconds = stack.seed(audience);
          CustodianProcess custodian = stack.custodian();
          MachineSampler sampler =
              new MachineSampler(custodian.pid(), stack.gcLog(), stack.database());
          Neighbours neighbours = new Neighbours(custodian.pid(), stack.database());
          AppMemory memory = stack.appMemory();
          Outcome outcome =
              sendNotices(
                  settings,
                  audience,
                  stack.sink(),
                  stack.admin(),
                  custodian,
                  sampler,
                  neighbours,
                  memory);
          report(settings, audience, seedSeconds, outcome, memory);
        });
  }

  private static Outcome sendNotices(
      NoticeSettings settings,
      Audience audience,
      SmtpSink sink,
      Api admin,
      CustodianProcess custodian,
      MachineSampler sampler,
      Neighbours neighbours,
      AppMemory memory)
      throws Exception {
    String policy =
        Json.createObjectBuilder()
            .add("version", VERSION)
            .add("effectiveOn", LocalDate.now().plusDays(30).toString())
            .add(
                "summaryVi",
                "Chúng tôi lưu dữ liệu hợp đồng thêm 12 tháng sau khi hợp đồng kết thúc và chia sẻ"
                    + " địa chỉ email với đơn vị gửi thư mới.")
            .add(
                "summaryEn",
                "We keep contract data 12 months longer after a contract ends and share email"
                    + " addresses with our new mailing provider.")
            .add("adverse", true)
            .build()
            .toString();
    Api.Reply created = admin.post("/api/v1/policies", policy);
    if (created.status() != 201) {
      throw new IllegalStateException("Could not register the policy: " + created);
    }
    System.out.printf(
        "Custodian: policy %s (adverse) to all %,d customers (%,d of them opted in to"
            + " NEWSLETTER), one SMTP connection, CUSTODIAN_SEND_RATE=0...%n",
        VERSION, audience.customers(), audience.optedInCount());
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
                "/api/v1/policies/" + VERSION + "/notify",
                "/api/v1/jobs/executions/%d",
                execution -> {
                  String status = execution.getString("batchStatus");
                  return new MailJobWatch.Reading(
                      status, !RUNNING.contains(status), execution.getJsonObject("report"));
                });
    return new Outcome(watched, jobSeconds(watched.resource()));
  }

  /** The job's own time, from its start to its end time in the batch repository; 0 if unknown. */
  private static double jobSeconds(JsonObject execution) {
    if (execution.isNull("startTime") || execution.isNull("endTime")) {
      return 0;
    }
    return Duration.between(
                Instant.parse(execution.getString("startTime")),
                Instant.parse(execution.getString("endTime")))
            .toMillis()
        / 1e3;
  }

  private static void report(
      NoticeSettings settings,
      Audience audience,
      double seedSeconds,
      Outcome outcome,
      AppMemory memory) {
    long expected = audience.customers();
    SmtpSink.Tally sink = outcome.watched().tally();
    boolean completed = outcome.batchStatus().equals("COMPLETED");
    long sent = outcome.reported("sent");
    boolean exact =
        completed
            && sink.messages() == expected
            && sink.distinctRecipients() == expected
            && sink.duplicates() == 0
            && sink.strangers() == 0
            && sent == expected
            && outcome.reported("failed") == 0
            && outcome.reported("uncertain") == 0
            && outcome.reported("pending") == 0
            && outcome.reported("skipped") == 0;

    System.out.println();
    System.out.printf(
        "Seeding: %,d customers (%,d opted in, which a policy notice ignores) in %.1f s%n",
        expected, audience.optedInCount(), seedSeconds);
    System.out.printf(
        "Customers: %,d; job %s; %.1f s from the notify request to the end seen by polling"
            + " (every second), %.1f s to the last message at the sink, %.1f s by the job's own"
            + " start and end times%n",
        expected,
        outcome.batchStatus(),
        outcome.watched().seconds(),
        outcome.watched().lastMessageSeconds(),
        outcome.jobSeconds());
    System.out.printf(
        "Rate: %.1f notices/s (sent / seconds to the end seen by polling); %.2f ms a notice%n",
        sent / outcome.watched().seconds(),
        sent == 0 ? 0 : outcome.watched().seconds() * 1000 / sent);
    System.out.printf(
        "Job report: sent %,d, failed %,d, uncertain %,d, skipped %,d%s%n",
        sent,
        outcome.reported("failed"),
        outcome.reported("uncertain"),
        outcome.reported("skipped"),
        outcome.reported("pending") == 0
            ? ""
            : ", pending %,d".formatted(outcome.reported("pending")));
    System.out.printf(
        "Sink: %,d messages to %,d distinct customers, %,d duplicates, %,d to unknown addresses,"
            + " %,d missing, over %d connection(s)%n",
        sink.messages(),
        sink.distinctRecipients(),
        sink.duplicates(),
        sink.strangers(),
        expected - sink.distinctRecipients(),
        sink.connections());
    System.out.printf(
        "App memory (-Xmx%s): peak RSS %,d MB over the process's life, at most %,d MB sampled"
            + " during the run; during the run %s%n",
        settings.appHeap(),
        memory.peakRssKb() / 1024,
        memory.maxSampledRssKb() / 1024,
        memory.heapBetween(outcome.watched().startMillis(), outcome.watched().endMillis()));
    AppLog.Scan log = outcome.watched().log();
    System.out.printf(
        "App log during the run: %d SEVERE, %d WARNING lines%s%n",
        log.severe(), log.warnings(), log.problems().isEmpty() ? "" : ":");
    log.problems().forEach(line -> System.out.println("  | " + line));
    System.out.println();
    System.out.printf("Every customer got exactly one policy notice: %s%n", exact ? "yes" : "NO");
  }
}
