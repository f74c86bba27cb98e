package app.custodian.jobs.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.campaign.boundary.NewsletterSendJob;
import app.custodian.jobs.control.JobNodes;
import app.custodian.platform.control.Cluster;
import app.custodian.platform.control.NodeHeartbeats;
import app.custodian.testing.DeliveryRows;
import app.custodian.testing.JobTestCase;
import app.custodian.testing.JobTestbed;
import app.custodian.testing.JobsOnJBeret;
import app.custodian.testing.Queries;
import app.custodian.testing.TakenOverAtStart;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Node liveness and takeover on JBeret SE against PostgreSQL, with this JVM as the only node: a
 * {@code job_node} row that names another node id names a node that is gone (the single-node
 * cluster knows no other, and it has no fresh heartbeat), which is how these tests play the second
 * node.
 */
class NodeTakeoverJobTest extends JobTestCase {

  static final String GONE_NODE = "node-that-left-" + UUID.randomUUID();
  static final String UNSUBSCRIBE_TEXT = "Xin chào {{fullName}}. Hủy: {{unsubscribeUrl}}";

  Cluster cluster = JobsOnJBeret.bean(Cluster.class);
  JobLiveness liveness = JobsOnJBeret.bean(JobLiveness.class);
  RunningJobs running = JobsOnJBeret.bean(RunningJobs.class);

  @BeforeEach
  void emptyDatabase() throws Exception {
    bed.empty(
        db,
        "job_node",
        "node_heartbeat",
        "delivery",
        "campaign",
        "renewal_reminder",
        "contract",
        "consent_event",
        "consent_state",
        "suppression",
        "customer",
        "audit_entry");
  }

  @AfterEach
  void unlimitedRate() {
    System.setProperty("custodian.send.rate", "0");
  }

  @Test
  void anExecutionIsOrphanedOnlyWhenItsNodeIsGone() throws Exception {
    String campaign = campaignTo(20);
    System.setProperty("custodian.send.rate", "20");
    long execution = JobsOnJBeret.start("newsletter-send", parameters(campaign));
    DeliveryRows.awaitSent(db, campaign, 1, JobTestbed.TIMEOUT);

    assertEquals(
        List.of(cluster.nodeId(), cluster.nodeName(), "newsletter-send"),
        Queries.row(
            db,
            "select node_id, node_name, job_name from job_node where execution_id = ?",
            execution));
    assertFalse(liveness.orphaned(jobExecution(execution)), "running here");
    assertEquals(List.of(execution), liveness.liveExecution("newsletter-send").stream().toList());

    running.ended(execution); // as if another node ran it ...
    try {
      assertFalse(liveness.orphaned(jobExecution(execution)), "... a node that is alive");
      assertTrue(liveness.isLive(execution));
      relabel(execution, GONE_NODE); // ... a node that left the cluster
      assertTrue(liveness.orphaned(jobExecution(execution)));
      assertFalse(liveness.isLive(execution));
      assertTrue(liveness.liveExecution("newsletter-send").isEmpty());
      // a node that runs alone on the same database, which this node's grid never saw, ...
      NodeHeartbeats.beat(db, GONE_NODE, "alone:1");
      assertFalse(liveness.orphaned(jobExecution(execution)), "... is alive while it beats");
      assertEquals(List.of(), JobsOnJBeret.bean(JobTakeover.class).takeOverOrphans());
      try (PreparedStatement age =
          db.prepareStatement(
              "update node_heartbeat set seen_at = seen_at - interval '1 minute'"
                  + " where node_id = ?")) {
        age.setString(1, GONE_NODE);
        age.executeUpdate();
      }
      assertTrue(liveness.orphaned(jobExecution(execution)), "... and gone once it stopped");
    } finally {
      relabel(execution, cluster.nodeId());
      running.started(execution);
    }
    assertEquals(BatchStatus.COMPLETED, JobsOnJBeret.awaitEnd(execution, TIMEOUT).getBatchStatus());
    assertEquals(
        List.of("1"),
        Queries.row(
            db,
            "select count(*) from job_node where execution_id = ? and ended_at is not null",
            execution));
  }

  @Test
  void aCampaignWhoseNodeIsGoneIsContinuedHereAndItsOldRunnerStopsWithNobodyMailedTwice()
      throws Exception {
    String campaign = campaignTo(40);
    System.setProperty("custodian.send.rate", "20");
    long execution = JobsOnJBeret.start("newsletter-send", parameters(campaign));
    DeliveryRows.awaitSent(db, campaign, 5, JobTestbed.TIMEOUT);

    // the data grid lost the node running it, which in fact runs on (split brain: the fence's case)
    relabel(execution, GONE_NODE);
    List<Long> successors = JobsOnJBeret.bean(JobTakeover.class).takeOverOrphans();

    assertEquals(1, successors.size(), "one execution continues it");
    long successor = successors.get(0);
    assertEquals(
        List.of(cluster.nodeId(), String.valueOf(successor)),
        Queries.row(
            db,
            "select taken_over_by, successor_id from job_node where execution_id = ?",
            execution));
    assertEquals(
        List.of(), JobsOnJBeret.bean(JobTakeover.class).takeOverOrphans(), "taken over once");
    JobExecution old = JobsOnJBeret.awaitEnd(execution, TIMEOUT);
    assertEquals(BatchStatus.FAILED, old.getBatchStatus(), "the fenced runner stopped");
    JobExecution done = JobsOnJBeret.awaitEnd(successor, TIMEOUT);
    assertEquals(BatchStatus.COMPLETED, done.getBatchStatus());
    assertEquals(successor, liveness.latest(execution));

    List<String> received = new ArrayList<>();
    for (MimeMessage message : bed.smtp().getReceivedMessages()) {
      received.add(message.getAllRecipients()[0].toString());
    }
    assertEquals(received.size(), received.stream().distinct().count(), "nobody twice");
    List<String> statuses = Queries.column(db, "select status from delivery");
    assertEquals(40, statuses.size(), "nobody missed");
    long sent = statuses.stream().filter("SENT"::equals).count();
    long uncertain = statuses.stream().filter("UNCERTAIN"::equals).count();
    assertEquals(40, sent + uncertain, "each sent once or, if in flight, uncertain");
    assertEquals(sent, received.size(), "every SENT row arrived");
    assertEquals(
        List.of("SENT", String.valueOf(successor)),
        Queries.row(db, "select status, execution_id from campaign where id = ?", campaign));
  }

  @Test
  void ofTwoNodesTakingOverOneExecutionExactlyOneWins() throws Exception {
    long execution = 9_000_000_001L;
    JobNodes.started(db, execution, "retention-purge", GONE_NODE, "gone:1");
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService contenders = Executors.newFixedThreadPool(2);
    try {
      List<Future<Boolean>> outcomes = new ArrayList<>();
      for (String node : List.of("survivor-a", "survivor-b")) {
        Callable<Boolean> takeOver =
            () -> {
              try (Connection connection = bed.connect()) {
                go.await();
                return JobNodes.takeOver(connection, execution, node);
              }
            };
        outcomes.add(contenders.submit(takeOver));
      }
      go.countDown();
      List<Boolean> won = new ArrayList<>();
      for (Future<Boolean> outcome : outcomes) {
        won.add(outcome.get());
      }
      assertEquals(1, won.stream().filter(w -> w).count(), "exactly one winner: " + won);
      String winner = won.get(0) ? "survivor-a" : "survivor-b";
      assertEquals(
          List.of(winner),
          Queries.row(db, "select taken_over_by from job_node where execution_id = ?", execution));
      assertFalse(JobNodes.takeOver(db, execution, "survivor-c"), "a latecomer loses too");
    } finally {
      contenders.shutdownNow();
    }
  }

  @Test
  void aRunnerTakenForDeadBeforeItsFirstStepLeavesItsSuccessorsRemindersInFlightAlone()
      throws Exception {
    // the successor's reminder, handed to SMTP right now: not the old runner's to call uncertain
    java.time.LocalDate today = JobTestbed.today();
    String customer = seeds.customer("Khách đang gửi", "in-flight@example.vn", "vi");
    String contract =
        seeds.contract(customer, "HD-FLIGHT", today.minusYears(1), today.plusDays(7), null);
    seeds.execute(
        "insert into renewal_reminder (contract_id, offset_days, customer_id, execution_id,"
            + " status, attempted_at) values (?, 7, ?, 9000000002, 'PENDING', current_timestamp)",
        contract,
        customer);
    try (TakenOverAtStart successor = TakenOverAtStart.install(db)) {
      Properties parameters = new Properties();
      parameters.setProperty("chunkSize", "5");
      long execution = JobsOnJBeret.start("renewal-reminders", parameters);
      assertEquals(BatchStatus.FAILED, JobsOnJBeret.awaitEnd(execution, TIMEOUT).getBatchStatus());
    }
    assertEquals(
        List.of("PENDING"),
        Queries.column(db, "select status from renewal_reminder"),
        "the successor's message stays in flight");
  }

  // --- helpers

  static final java.time.Duration TIMEOUT = JobTestbed.TIMEOUT;

  String campaignTo(int count) throws Exception {
    for (int i = 0; i < count; i++) {
      String id = seeds.customer("Khách " + i, "node-" + i + "@example.vn", "vi");
      seeds.consent(id, "NEWSLETTER", true);
    }
    return seeds.campaign("NEWSLETTER", true, "Tin", UNSUBSCRIBE_TEXT);
  }

  static Properties parameters(String campaignId) {
    Properties parameters = NewsletterSendJob.parameters(campaignId);
    parameters.setProperty("chunkSize", "5");
    return parameters;
  }

  static JobExecution jobExecution(long execution) {
    return JobsOnJBeret.operator().getJobExecution(execution);
  }

  void relabel(long execution, String nodeId) throws Exception {
    try (PreparedStatement update =
        db.prepareStatement("update job_node set node_id = ? where execution_id = ?")) {
      update.setString(1, nodeId);
      update.setLong(2, execution);
      assertEquals(1, update.executeUpdate());
    }
  }
}
