package app.custodian.bench;

import app.custodian.testing.Api;
import app.custodian.testing.CustodianProcess;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.function.Function;

/**
 * Times a mail job of the application: opens the samplers, posts the request that starts the job,
 * polls a resource every second printing progress until the job ends or times out, then closes the
 * samplers and prints what the SMTP sink received. The benchmarks differ only in which resource
 * they poll and how they read it.
 */
final class MailJobWatch {

  /**
   * What one poll read: the status, whether the job has ended, and the counters ({@code sent},
   * {@code pending}, {@code failed}, {@code uncertain}; a missing one counts 0).
   */
  record Reading(String status, boolean done, JsonObject counters) {

    /**
     * A campaign as {@code GET /api/v1/campaigns/{id}} shows it: done once neither drafted nor
     * sending.
     */
    static Reading ofCampaign(JsonObject campaign) {
      String status = campaign.getString("status");
      return new Reading(
          status,
          !status.equals("SENDING") && !status.equals("DRAFT"),
          campaign.getJsonObject("stats"));
    }

    long count(String name) {
      if (counters == null) {
        return 0;
      }
      JsonNumber number = counters.getJsonNumber(name);
      return number == null ? 0 : number.longValue();
    }
  }

  /** How the watched run went. */
  record Watched(
      long executionId,
      Reading last,
      JsonObject resource,
      double seconds,
      double lastMessageSeconds,
      long startMillis,
      long endMillis,
      SmtpSink.Tally tally,
      AppLog.Scan log) {}

  private final Api admin;
  private final CustodianProcess custodian;
  private final SmtpSink sink;
  private final AppMemory memory;
  private final MachineSampler sampler;
  private final Neighbours neighbours;
  private final Duration progressEvery;
  private final Duration timeout;

  MailJobWatch(
      Api admin,
      CustodianProcess custodian,
      SmtpSink sink,
      AppMemory memory,
      MachineSampler sampler,
      Neighbours neighbours,
      Duration progressEvery,
      Duration timeout) {
    this.admin = admin;
    this.custodian = custodian;
    this.sink = sink;
    this.memory = memory;
    this.sampler = sampler;
    this.neighbours = neighbours;
    this.progressEvery = progressEvery;
    this.timeout = timeout;
  }

  /**
   * Starts the job with a POST to {@code startPath} (answered 202 {@code {"executionId"}}) and
   * follows it through {@code pollPath}, read by {@code reading}, until it ends.
   *
   * @param pollPath the resource to poll; {@code %d} stands for the execution id
   */
  Watched run(String startPath, String pollPath, Function<JsonObject, Reading> reading)
      throws InterruptedException {
    long logFrom = AppLog.size(custodian);
    sink.reset();
    memory.sampleRss();
    sampler.opened();
    neighbours.opened();
    long startMillis = System.currentTimeMillis();
    long start = System.nanoTime();
    Api.Reply started = admin.post(startPath, "");
    if (started.status() != 202) {
      sampler.closed();
      throw new IllegalStateException("Could not start the job: " + started);
    }
    long executionId = started.json().getJsonNumber("executionId").longValue();
    String request = startPath.substring(startPath.lastIndexOf('/') + 1);
    System.out.printf("  %s answered %d, job execution %d%n", request, 202, executionId);
    String path = pollPath.formatted(executionId);
    long deadline = start + timeout.toNanos();
    long lastPrint = start;
    long lastSent = 0;
    Reading last;
    JsonObject resource;
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
      resource = reply.json();
      last = reading.apply(resource);
      long sent = last.count("sent");
      long rss = memory.sampleRss();
      if (last.done() || now - lastPrint >= progressEvery.toNanos() || now > deadline) {
        System.out.printf(
            "  %6.0f s %-9s sent %,9d  pending %,5d  failed %,d  uncertain %,d  %6.0f/s now"
                + "  %6.0f/s mean  sink %,9d  app RSS %,d MB%n",
            (now - start) / 1e9,
            last.status(),
            sent,
            last.count("pending"),
            last.count("failed"),
            last.count("uncertain"),
            (sent - lastSent) / ((now - lastPrint) / 1e9),
            sent / ((now - start) / 1e9),
            sink.tally().messages(),
            rss / 1024);
        lastPrint = now;
        lastSent = sent;
      }
      if (last.done()) {
        break;
      }
      if (now > deadline) {
        System.out.printf("  TIMEOUT: not ended after %d minutes%n", timeout.toMinutes());
        break;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    sampler.closed();
    String others = neighbours.closed();
    SmtpSink.Tally tally = sink.reset();
    double lastMessage =
        tally.lastMessageNanos() == 0 ? 0 : (tally.lastMessageNanos() - start) / 1e9;
    System.out.printf(
        "  %s after %.1f s; sink: %,d messages, %,d distinct recipients, %,d duplicates,"
            + " %,d to unknown addresses, %.0f bytes on average, %d connections; last message"
            + " at %.1f s%n",
        last.status(),
        seconds,
        tally.messages(),
        tally.distinctRecipients(),
        tally.duplicates(),
        tally.strangers(),
        tally.averageBytes(),
        tally.connections(),
        lastMessage);
    System.out.println("  " + path + ": " + resource);
    System.out.println("    (generator = this JVM: the SMTP sink)");
    System.out.print(sampler.summary());
    System.out.print(others);
    return new Watched(
        executionId,
        last,
        resource,
        seconds,
        lastMessage,
        startMillis,
        System.currentTimeMillis(),
        tally,
        AppLog.scan(custodian, logFrom));
  }
}
