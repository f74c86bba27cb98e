package app.custodian.bench;

import app.custodian.testing.Api;
import app.custodian.testing.ClusterStack;
import app.custodian.testing.DeliveryRows;
import app.custodian.testing.PortalStack;
import app.custodian.testing.ReceivedMail;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A campaign at a limited {@code CUSTODIAN_SEND_RATE} whose node fails once a sixth of its audience
 * was sent: how long until the other node took the run over (the compare-and-set in {@code
 * job_node}) and until its successor execution sent again (the first delivery row attempted after
 * the failure and SENT), and whether every opted-in address got exactly one message or was counted
 * uncertain. The node either dies ({@code kill -9}: its connections close, the grid notices at
 * once) or freezes ({@code kill -STOP}: its connections stay open and it stops answering, as a
 * machine that vanished from the network; the grid notices after {@code CUSTODIAN_NODE_TIMEOUT}),
 * and is killed afterwards. One instance per cluster: the audience is seeded once and every
 * campaign goes to all of it.
 */
final class CampaignFailover {

  private static final String MARKETER = "bench-marketer";
  private static final Duration TIMEOUT = Duration.ofMinutes(5);
  private static final Duration FAILED_FOR = Duration.ofSeconds(20);

  /** How the node running the campaign fails. */
  enum Failure {
    KILL("kill -9"),
    FREEZE("kill -STOP");

    final String signal;

    Failure(String signal) {
      this.signal = signal;
    }
  }

  /** How one failover went; times are seconds from the failure, NaN when it never happened. */
  record Result(
      String nodeTimeout,
      Failure failure,
      int audience,
      double takenOverSeconds,
      double sendingAgainSeconds,
      double sentSeconds,
      double shownFailedSeconds,
      String status,
      int sent,
      int uncertain,
      int failed,
      int received,
      long duplicates) {

    boolean eachOnceOrUncertain() {
      return status.equals("SENT")
          && duplicates == 0
          && sent + uncertain == audience
          && received >= sent
          && received <= audience;
    }
  }

  private final ClusterStack stack;
  private final NodesSettings settings;
  private final String nodeTimeout;
  private Api marketer;

  CampaignFailover(ClusterStack stack, NodesSettings settings, String nodeTimeout) {
    this.stack = stack;
    this.settings = settings;
    this.nodeTimeout = nodeTimeout;
  }

  /** Starts a campaign, fails its node as told, and follows the campaign to its end. */
  Result run(Failure failure) throws Exception {
    int audience = settings.audience();
    System.out.printf(
        "Failover by %s with CUSTODIAN_NODE_TIMEOUT=%s: a campaign to %,d opted-in customers at"
            + " CUSTODIAN_SEND_RATE=%d%n",
        failure.signal, nodeTimeout, audience, settings.sendRate());
    stack.startStoppedNodes();
    if (marketer == null) {
      seedAudience(audience);
      marketer = stack.admin.newAccount(MARKETER, PortalStack.STAFF_PASSWORD, "MARKETING");
    }
    String tag = "fo" + UUID.randomUUID().toString().substring(0, 6);
    String subject = "Bản tin " + tag;
    Api.Reply created = marketer.post("/api/v1/campaigns", campaign(tag, subject));
    require(created, 201);
    String campaignId = created.json().getString("id");
    Api.Reply accepted = marketer.post("/api/v1/campaigns/" + campaignId + "/send", "");
    require(accepted, 202);
    long execution = accepted.json().getJsonNumber("executionId").longValue();

    try (Connection db = stack.postgres.connect(stack.databaseUrl)) {
      DeliveryRows.awaitSent(db, campaignId, Math.max(1, audience / 6), Duration.ofMinutes(5));
      int running = runningNode(execution);
      int survivor = 1 - running;
      MachineSampler sampler =
          new MachineSampler(List.of(stack.node(survivor).pid()), null, db)
              .alsoCounting("nginx", stack.nginx.pid());
      sampler.opened();
      Instant killed = Instant.now();
      if (failure == Failure.KILL) {
        stack.kill(running);
      } else {
        freeze(stack.node(running).pid());
      }
      Instant dead = Instant.now();
      System.out.printf(
          "  %s of node %d after %,d sent; node %d is left%n",
          failure.signal, running, sentRows(db, campaignId), survivor);
      // from the node left, not through nginx, which would hold some polls for its read timeout on
      // a frozen node
      Api left = stack.node(survivor).api(MARKETER, PortalStack.STAFF_PASSWORD);
      Ended ended = awaitEnd(left, campaignId, killed);
      Instant end = Instant.now();
      JsonObject campaign = ended.campaign();
      sampler.closed();
      System.out.print(sampler.summary());
      stack.kill(running);

      JsonObject stats = campaign.getJsonObject("stats");
      List<String> received = ReceivedMail.recipientsOf(stack.smtp, subject);
      Result result =
          new Result(
              nodeTimeout,
              failure,
              audience,
              secondsFrom(killed, takenOverAt(db, execution)),
              secondsFrom(killed, firstSentAfter(db, campaignId, dead)),
              secondsFrom(killed, Optional.of(end)),
              ended.shownFailedSeconds(),
              campaign.getString("status"),
              stats.getInt("sent", 0),
              stats.getInt("uncertain", 0),
              stats.getInt("failed", 0),
              received.size(),
              received.size() - received.stream().distinct().count());
      System.out.printf(
          "  taken over after %.1f s, sending again after %.1f s, shown FAILED for %.1f s; %s:"
              + " sent %,d, uncertain %,d, failed %,d; received %,d, %,d duplicates: %s%n",
          result.takenOverSeconds(),
          result.sendingAgainSeconds(),
          result.shownFailedSeconds(),
          result.status(),
          result.sent(),
          result.uncertain(),
          result.failed(),
          result.received(),
          result.duplicates(),
          result.eachOnceOrUncertain()
              ? "each address once or uncertain"
              : "NOT each address once or uncertain");
      return result;
    }
  }

  /** Customers created through nginx, each granted the newsletter consent. */
  private void seedAudience(int audience) throws InterruptedException {
    Requests requests = new Requests(stack.baseUri(), "admin", PortalStack.ADMIN_PASSWORD);
    String[] ids =
        new CustomerLoader(stack.baseUri(), requests, settings.loaders())
            .load(audience, Duration.ofMinutes(10));
    for (String id : ids) {
      require(
          stack.admin.put(
              "/api/v1/customers/" + id + "/consents/NEWSLETTER",
              "{\"granted\":true,\"source\":\"bench\"}"),
          200);
    }
  }

  private static String campaign(String tag, String subject) {
    return Json.createObjectBuilder()
        .add("name", "Failover " + tag)
        .add("purpose", "NEWSLETTER")
        .add("subject", subject)
        .add("textBody", Newsletter.TEXT)
        .add("htmlBody", Newsletter.HTML)
        .add("advertising", false)
        .build()
        .toString();
  }

  /** The node whose log names it as the execution's node. */
  private int runningNode(long execution) {
    String node = stack.admin.get("/api/v1/jobs/executions/" + execution).json().getString("node");
    for (int i = 0; i < stack.size(); i++) {
      if (stack.node(i).log().contains("This node is " + node + " (")) {
        return i;
      }
    }
    throw new IllegalStateException("No node logged that it is " + node);
  }

  /** Stops the process where it is (SIGSTOP): its sockets stay open, it answers nothing. */
  private static void freeze(long pid) throws Exception {
    Process kill = new ProcessBuilder("kill", "-STOP", Long.toString(pid)).inheritIO().start();
    if (kill.waitFor() != 0) {
      throw new IllegalStateException("kill -STOP " + pid + " failed");
    }
  }

  /** The campaign as it ended, and for how long it was shown FAILED before it went on. */
  private record Ended(JsonObject campaign, double shownFailedSeconds) {}

  /**
   * The campaign once it ended, or as it was when the timeout ran out. FAILED counts as an end only
   * once it lasted {@link #FAILED_FOR}: while a takeover is under way the API shows the campaign
   * FAILED (its recorded run is dead) until the successor starts.
   */
  private Ended awaitEnd(Api marketer, String campaignId, Instant killed)
      throws InterruptedException {
    Instant deadline = killed.plus(TIMEOUT);
    Instant lastPrint = killed;
    Instant failedSince = null;
    double shownFailed = 0;
    while (true) {
      Thread.sleep(250);
      Api.Reply reply = marketer.get("/api/v1/campaigns/" + campaignId);
      if (reply.status() != 200) {
        System.out.println("  the campaign answered " + reply);
        continue;
      }
      MailJobWatch.Reading reading = MailJobWatch.Reading.ofCampaign(reply.json());
      Instant now = Instant.now();
      boolean failed = reading.status().equals("FAILED");
      boolean changed = failed != (failedSince != null);
      if (failed && failedSince == null) {
        failedSince = now;
      } else if (!failed && failedSince != null) {
        shownFailed += Duration.between(failedSince, now).toMillis() / 1e3;
        failedSince = null;
      }
      boolean ended =
          reading.done()
              && (!failed || Duration.between(failedSince, now).compareTo(FAILED_FOR) >= 0);
      if (ended || changed || Duration.between(lastPrint, now).toSeconds() >= 5) {
        System.out.printf(
            "  %5.1f s after the failure: %s, sent %,d, pending %,d, uncertain %,d%n",
            Duration.between(killed, now).toMillis() / 1e3,
            reading.status(),
            reading.count("sent"),
            reading.count("pending"),
            reading.count("uncertain"));
        lastPrint = now;
      }
      if (ended) {
        return new Ended(reply.json(), shownFailed);
      }
      if (now.isAfter(deadline)) {
        System.out.printf("  NOT ENDED within %d minutes of the failure%n", TIMEOUT.toMinutes());
        return new Ended(reply.json(), shownFailed);
      }
    }
  }

  private static int sentRows(Connection db, String campaignId) throws SQLException {
    try (PreparedStatement query =
        db.prepareStatement(
            "select count(*) from delivery where campaign_id = ? and status = 'SENT'")) {
      query.setString(1, campaignId);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    }
  }

  private static Optional<Instant> takenOverAt(Connection db, long execution) throws SQLException {
    try (PreparedStatement query =
        db.prepareStatement("select taken_over_at from job_node where execution_id = ?")) {
      query.setLong(1, execution);
      return instant(query);
    }
  }

  /** Rows attempted after the killed node had died can only be its successor's. */
  private static Optional<Instant> firstSentAfter(Connection db, String campaignId, Instant dead)
      throws SQLException {
    try (PreparedStatement query =
        db.prepareStatement(
            "select min(sent_at) from delivery where campaign_id = ? and status = 'SENT'"
                + " and attempted_at > ?")) {
      query.setString(1, campaignId);
      query.setTimestamp(2, Timestamp.from(dead));
      return instant(query);
    }
  }

  private static Optional<Instant> instant(PreparedStatement query) throws SQLException {
    try (ResultSet row = query.executeQuery()) {
      return row.next()
          ? Optional.ofNullable(row.getObject(1, OffsetDateTime.class))
              .map(OffsetDateTime::toInstant)
          : Optional.empty();
    }
  }

  private static double secondsFrom(Instant from, Optional<Instant> to) {
    return to.map(t -> Duration.between(from, t).toMillis() / 1e3).orElse(Double.NaN);
  }

  private static void require(Api.Reply reply, int status) {
    if (reply.status() != status) {
      throw new IllegalStateException("Expected " + status + ": " + reply);
    }
  }

  /** Both failovers, one row each. */
  static void print(List<Result> results) {
    System.out.println();
    System.out.printf(
        "%-16s %-11s %9s %12s %14s %10s %14s %7s %10s %9s %11s  %s%n",
        "NODE_TIMEOUT",
        "failure",
        "audience",
        "taken over",
        "sending again",
        "all sent",
        "shown FAILED",
        "sent",
        "uncertain",
        "received",
        "duplicates",
        "each once or uncertain");
    for (Result r : results) {
      System.out.printf(
          "%-16s %-11s %9d %10.1f s %12.1f s %8.1f s %12.1f s %7d %10d %9d %11d  %s%n",
          r.nodeTimeout(),
          r.failure().signal,
          r.audience(),
          r.takenOverSeconds(),
          r.sendingAgainSeconds(),
          r.sentSeconds(),
          r.shownFailedSeconds(),
          r.sent(),
          r.uncertain(),
          r.received(),
          r.duplicates(),
          r.eachOnceOrUncertain() ? "yes" : "NO");
    }
    System.out.println(
        "(seconds from the signal to the node running the campaign, polled every 250 ms on the"
            + " node left; \"shown FAILED\": how long GET /api/v1/campaigns/{id} said FAILED"
            + " before the successor ran; a frozen node is killed once the campaign ended)");
  }
}
