package app.custodian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.testing.Api;
import app.custodian.testing.Api.Reply;
import app.custodian.testing.Browser;
import app.custodian.testing.ClusterStack;
import app.custodian.testing.DeliveryRows;
import app.custodian.testing.PortalStack;
import app.custodian.testing.Queries;
import app.custodian.testing.ReceivedMail;
import app.custodian.testing.Resources;
import app.custodian.testing.SessionStore;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Two nodes of the packaged jar on one PostgreSQL, clustered on loopback, behind a private nginx
 * that balances round robin without stickiness ({@link ClusterStack}). Each test may kill nodes
 * ({@code stack.kill(i)}, a SIGKILL); before each test every node runs again. Every client goes
 * through nginx ({@code stack.admin}, {@code stack.api(...)}, {@code stack.browser()}); {@code
 * stack.nodeThatServed(text)} says which node served a request, {@code stack.smtp} holds the mail
 * of all nodes, {@code stack.databaseUrl} their database. Both nodes have the nightly run scheduled
 * a few minutes after the class starts, which the first test waits for.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralNodesIT {

  static final String SERIALIZATION_FAILURE = "Cannot serialize session attribute";
  static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  /** Time enough for both nodes to start and the first test to create the night's customers. */
  static final Duration UNTIL_THE_NIGHT = Duration.ofMinutes(4);

  @TempDir static Path dir;
  static ClusterStack stack;
  static Instant nightlyAt;
  Browser browser;

  @BeforeAll
  static void start() {
    Browser.assumeInstalled();
    nightlyAt =
        Instant.now().plus(UNTIL_THE_NIGHT).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    String at =
        LocalTime.ofInstant(nightlyAt, ZONE).format(DateTimeFormatter.ofPattern("HH:mm:ss"));
    // slow enough to kill a campaign's node, or the night's, mid-run
    stack =
        ClusterStack.start(
            dir,
            2,
            Map.of(
                "CUSTODIAN_SEND_RATE",
                "8",
                "CUSTODIAN_ZONE",
                ZONE.getId(),
                "CUSTODIAN_NIGHTLY_AT",
                at));
    stack.admin.newAccount("operator", PortalStack.STAFF_PASSWORD, "OPERATOR");
    stack.admin.newAccount("marketer", PortalStack.STAFF_PASSWORD, "MARKETING");
  }

  @AfterAll
  static void stop() throws Exception {
    Resources.closeAll(stack);
  }

  @BeforeEach
  void everyNodeRuns() {
    stack.startStoppedNodes();
  }

  @AfterEach
  void closeBrowser() throws Exception {
    Resources.closeAll(browser);
    browser = null;
  }

  @Test
  @Order(1)
  void theNightlyRunRunsOnceAndTheSurvivorOfItsNodesLossGoesOnWithTheRestOfTheNight()
      throws Exception {
    int reminded = 48;
    String tag = "dem" + UUID.randomUUID().toString().substring(0, 6);
    LocalDate today = LocalDate.now(ZONE);
    for (int i = 0; i < reminded; i++) {
      String id = createCustomer("Khách " + tag + " " + i, tag + "-" + i + "@example.vn");
      consent(id, "RENEWAL_REMINDER");
      contract(id, "HD-" + tag + "-" + i, today.minusDays(300), today.plusDays(7));
    }
    String expired = createCustomer("Trần Thị Hết " + tag, tag + "-het@example.vn");
    contract(expired, "HD-HET-" + tag, today.minusDays(500), today.minusDays(200));
    assertTrue(
        Instant.now().isBefore(nightlyAt.minusSeconds(5)),
        "the customers were created before the night at " + nightlyAt + "; raise UNTIL_THE_NIGHT");

    // both nodes' timers fire at the same second: one takes the night
    try (Connection db = stack.postgres.connect(stack.databaseUrl)) {
      int running = nodeWithId(awaitReminderRunHolder(db));
      String killedName = nodeName(running);
      long execution =
          Long.parseLong(
              Queries.row(
                      db,
                      "select execution_id from nightly_lease where job_name = 'renewal-reminders'")
                  .get(0));
      // read through each node: the same node, and not orphaned on the node that does not run it
      for (int i = 0; i < stack.size(); i++) {
        JsonObject seen =
            stack
                .node(i)
                .api("admin", PortalStack.ADMIN_PASSWORD)
                .get("/api/v1/jobs/executions/" + execution)
                .json();
        assertEquals(killedName, seen.getString("node"), "node " + i + ": " + seen);
        assertFalse(seen.getBoolean("orphaned"), "node " + i + ": " + seen);
      }
      // the API has no stop (api.md): asked of the other node, it says so and stops nothing
      Reply stop =
          stack
              .node(1 - running)
              .api("admin", PortalStack.ADMIN_PASSWORD)
              .post("/api/v1/jobs/executions/" + execution + "/stop", "");
      assertTrue(stop.status() == 404 || stop.status() == 405, stop.toString());
      assertTrue(
          String.valueOf(stop.header("Content-Type")).startsWith("application/problem+json"),
          stop.toString());
      awaitCount(db, "select count(*) from renewal_reminder where status = 'SENT'", 3);
      stack.kill(running);

      // nobody restarts anything: the survivor goes on with the reminders, then the purge
      awaitCount(db, "select count(*) from nightly_lease where finished_at is not null", 2);
      String survivor = stack.node(1 - running).log();
      List<String> leases =
          Queries.rows(db, "select job_name, node from nightly_lease order by job_name");
      assertEquals(2, leases.size(), leases.toString());
      for (String lease : leases) {
        String node = lease.substring(lease.lastIndexOf(' ') + 1);
        assertTrue(survivor.contains("(" + node + ")"), "the survivor holds " + lease);
      }
      assertEquals(
          2,
          Queries.count(
              db,
              "select count(*) from audit_entry where actor = 'nightly' and action = 'JOB_STARTED'"),
          "each job of the night started once");
      List<String> statuses =
          Queries.column(db, "select status from renewal_reminder order by status");
      assertEquals(reminded, statuses.size(), "nobody missed: " + statuses);
      long sent = statuses.stream().filter("SENT"::equals).count();
      long uncertain = statuses.stream().filter("UNCERTAIN"::equals).count();
      assertEquals(reminded, sent + uncertain, "each reminded once or uncertain: " + statuses);
      List<String> received = remindersReceived(tag);
      assertEquals(received.size(), received.stream().distinct().count(), "nobody twice");
      assertTrue(received.size() >= sent, "every SENT reminder arrived");
    }
    assertEquals(404, stack.admin.get("/api/v1/customers/" + expired).status(), "purged");
  }

  @Test
  @Order(3)
  void thePortalSessionAndItsViewStateOutliveTheNodeThatServedThem() {
    String tag = "cum" + UUID.randomUUID().toString().substring(0, 6);
    for (int i = 1; i <= 25; i++) {
      createCustomer("Nguyễn Thị " + tag + " " + i, tag + "-" + i + "@example.vn");
    }
    // found only while the screen remembers the query: a screen that forgot it lists everyone
    for (int i = 1; i <= 5; i++) {
      createCustomer("Phạm Văn Khác " + i, "khac-" + UUID.randomUUID() + "@example.vn");
    }
    browser = stack.browser().signIn("operator", PortalStack.STAFF_PASSWORD);
    browser.go("/customers/list.xhtml");
    browser.type(By.id("search:q"), tag);
    browser.click(By.id("search:go"));
    browser.settle();
    browser.waitForText(By.id("results:customers"), "1–20 / 25");
    // a busy screen: twenty customers found, on top of the login and the dashboard
    SessionStore.Owned session = sessions();
    System.out.printf(
        "Session size after a customer search of 20 rows: %d bytes in %d session(s)%n",
        session.bytes(), session.sessions());
    assertEquals(1, session.sessions(), "the browser's session is in the data grid");

    int served = stack.nodeThatServed("POST /customers/list.xhtml");
    stack.kill(served);

    // the results live in a view-scoped bean: the next page needs them, on the node left
    browser.click(By.cssSelector("#results\\:customers .ui-paginator-next"));
    browser.settle();
    browser.waitForText(By.id("results:customers"), "21–25 / 25");
    assertFalse(
        browser.text(By.id("results:customers")).contains("Khác"), "only the customers found");
    browser.go("/customers/list.xhtml");
    browser.waitFor(By.id("signed-in-as"));
    assertNoSerializationFailure();
  }

  @Test
  @Order(2)
  void apiCallsThroughTheLoadBalancerGoOnWhileANodeIsKilled() throws Exception {
    String id = createCustomer("Trần Văn Chạy", "chay-" + UUID.randomUUID() + "@example.vn");
    Api admin = stack.admin;
    AtomicBoolean killed = new AtomicBoolean();
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger answered = new AtomicInteger();
    ConcurrentLinkedQueue<String> failedAfterKill = new ConcurrentLinkedQueue<>();
    AtomicInteger afterKill = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(4);
    List<Future<?>> loops = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      loops.add(
          clients.submit(
              () -> {
                while (!done.get()) {
                  boolean sinceKill = killed.get();
                  String failure;
                  try {
                    Reply reply = admin.get("/api/v1/customers/" + id);
                    failure = reply.status() == 200 ? null : "HTTP " + reply.status();
                  } catch (RuntimeException e) {
                    failure = e.toString();
                  }
                  answered.incrementAndGet();
                  if (sinceKill) {
                    afterKill.incrementAndGet();
                    if (failure != null) {
                      failedAfterKill.add(failure);
                    }
                  } else if (failure != null) {
                    failedAfterKill.add("before the kill: " + failure);
                  }
                }
                return null;
              }));
    }
    try {
      awaitCount(answered, 40, loops);
      killed.set(true);
      stack.kill(0);
      awaitCount(afterKill, 200, loops);
    } finally {
      done.set(true);
      for (Future<?> loop : loops) {
        loop.get();
      }
      clients.shutdown();
    }
    System.out.printf(
        "API calls through nginx: %d after the kill, %d failed: %s%n",
        afterKill.get(), failedAfterKill.size(), failedAfterKill);
    assertFalse(
        failedAfterKill.stream().anyMatch(f -> f.startsWith("before")), failedAfterKill.toString());
    assertTrue(failedAfterKill.size() <= 5, "at most a handful fail: " + failedAfterKill);
  }

  @Test
  @Order(4)
  void aCampaignWhoseNodeIsKilledMidRunCompletesOnTheOtherNodeWithEachAddressOnceOrUncertain()
      throws Exception {
    int audience = 80;
    String tag = "kh" + UUID.randomUUID().toString().substring(0, 6);
    for (int i = 0; i < audience; i++) {
      String id = createCustomer("Khách " + tag + " " + i, tag + "-" + i + "@example.vn");
      Reply granted =
          stack.admin.put(
              "/api/v1/customers/" + id + "/consents/NEWSLETTER",
              "{\"granted\":true,\"source\":\"test\"}");
      assertEquals(200, granted.status(), granted.toString());
    }
    Api marketer = stack.api("marketer", PortalStack.STAFF_PASSWORD);
    String subject = "Tin " + tag;
    Reply created =
        marketer.post(
            "/api/v1/campaigns",
            ("{\"name\":\"%s\",\"purpose\":\"NEWSLETTER\",\"subject\":\"%s\","
                    + "\"textBody\":\"Xin chào {{fullName}}. Hủy: {{unsubscribeUrl}}\","
                    + "\"htmlBody\":\"<p>{{fullName}}</p><a href=\\\"{{unsubscribeUrl}}\\\">Hủy</a>\","
                    + "\"advertising\":false}")
                .formatted(tag, subject));
    assertEquals(201, created.status(), created.toString());
    String campaignId = created.json().getString("id");
    Reply accepted = marketer.post("/api/v1/campaigns/" + campaignId + "/send", "");
    assertEquals(202, accepted.status(), accepted.toString());
    long execution = accepted.json().getJsonNumber("executionId").longValue();

    try (Connection db = stack.postgres.connect(stack.databaseUrl)) {
      DeliveryRows.awaitSent(db, campaignId, 5, Duration.ofMinutes(2));
    }
    String node = stack.admin.get("/api/v1/jobs/executions/" + execution).json().getString("node");
    int running = -1;
    for (int i = 0; i < stack.size(); i++) {
      if (stack.node(i).log().contains("This node is " + node + " (")) {
        running = i;
      }
    }
    assertTrue(running >= 0, "the node " + node + " runs the campaign");
    stack.kill(running);

    // nobody presses restart: the other node continues the run by itself
    JsonObject campaign = awaitCampaign(marketer, campaignId, "SENT", Duration.ofMinutes(4));
    JsonObject lost = stack.admin.get("/api/v1/jobs/executions/" + execution).json();
    assertTrue(lost.getBoolean("orphaned"), lost.toString());
    assertEquals(node, lost.getString("node"), lost.toString());
    List<String> received = ReceivedMail.recipientsOf(stack.smtp, subject);
    assertEquals(received.size(), received.stream().distinct().count(), "nobody twice");
    JsonObject stats = campaign.getJsonObject("stats");
    assertEquals(
        audience, stats.getInt("sent") + stats.getInt("uncertain"), "once or uncertain: " + stats);
    assertTrue(received.size() >= stats.getInt("sent"), "every SENT row arrived");
    // the jobs screen says where each run ran (last test: its session adds to the grid's count)
    browser = stack.browser().signIn("admin", PortalStack.ADMIN_PASSWORD);
    browser.go("/jobs/list.xhtml");
    browser.waitForText(By.id("jobs:table"), node);
  }

  private static JsonObject awaitCampaign(
      Api marketer, String campaignId, String status, Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    JsonObject campaign;
    do {
      campaign = marketer.get("/api/v1/campaigns/" + campaignId).json();
      if (campaign.getString("status").equals(status)) {
        return campaign;
      }
      // a client waiting for the end must not read a run that another node continues as failed
      assertFalse(campaign.getString("status").equals("FAILED"), campaign::toString);
      Thread.sleep(100);
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError("campaign not " + status + ": " + campaign + "\n" + stack.logs());
  }

  private static void consent(String customerId, String purpose) {
    Reply granted =
        stack.admin.put(
            "/api/v1/customers/" + customerId + "/consents/" + purpose,
            "{\"granted\":true,\"source\":\"test\"}");
    assertEquals(200, granted.status(), granted.toString());
  }

  private static void contract(
      String customerId, String reference, LocalDate startsOn, LocalDate endsOn) {
    Reply created =
        stack.admin.post(
            "/api/v1/customers/" + customerId + "/contracts",
            "{\"reference\":\"%s\",\"service\":\"Cloud VPS\",\"startsOn\":\"%s\",\"endsOn\":\"%s\"}"
                .formatted(reference, startsOn, endsOn));
    assertEquals(201, created.status(), created.toString());
  }

  /** The addressees of the renewal reminders of the contracts named with the tag. */
  private static List<String> remindersReceived(String tag) {
    List<String> recipients = new ArrayList<>();
    for (jakarta.mail.internet.MimeMessage message : stack.smtp.getReceivedMessages()) {
      if (ReceivedMail.subject(message).contains("HD-" + tag + "-")) {
        recipients.add(ReceivedMail.recipient(message));
      }
    }
    return recipients;
  }

  /** Waits for the night to start its reminders, and answers the node id that holds them. */
  private static String awaitReminderRunHolder(Connection db) throws Exception {
    Instant deadline = nightlyAt.plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      List<String> lease =
          Queries.row(
              db,
              "select node from nightly_lease where job_name = 'renewal-reminders'"
                  + " and execution_id is not null");
      if (!lease.isEmpty()) {
        return lease.get(0);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("The night did not start; logs:\n" + stack.logs());
  }

  /** Waits, with a generous deadline, until the query counts {@code target}. */
  private static void awaitCount(Connection db, String countQuery, long target) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      if (Queries.count(db, countQuery) >= target) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("Not " + target + ": " + countQuery + "; logs:\n" + stack.logs());
  }

  /** The node whose log names the id as its own. */
  private static int nodeWithId(String nodeId) {
    for (int i = 0; i < stack.size(); i++) {
      if (stack.node(i).log().contains(" (" + nodeId + ")")) {
        return i;
      }
    }
    throw new AssertionError("No node has the id " + nodeId);
  }

  /** The name the node logged for itself at start ("This node is NAME (ID)"). */
  private static String nodeName(int index) {
    String log = stack.node(index).log();
    int at = log.indexOf("This node is ") + "This node is ".length();
    return log.substring(at, log.indexOf(" (", at));
  }

  private static String createCustomer(String name, String email) {
    Reply created =
        stack.admin.post(
            "/api/v1/customers",
            Json.createObjectBuilder()
                .add("fullName", name)
                .add("email", email)
                .build()
                .toString());
    assertEquals(201, created.status(), created.toString());
    return created.json().getString("id");
  }

  /** The sessions all running nodes own in the data grid. */
  private static SessionStore.Owned sessions() {
    SessionStore.Owned all = new SessionStore.Owned(0, 0);
    for (int i = 0; i < stack.size(); i++) {
      if (stack.node(i).isRunning()) {
        all = all.plus(SessionStore.ownedBy(stack.node(i).pid()));
      }
    }
    return all;
  }

  private static void assertNoSerializationFailure() {
    String logs = stack.logs();
    assertFalse(logs.contains(SERIALIZATION_FAILURE), logs);
  }

  /** Waits until the loops have counted {@code target} calls, or have ended (they should not). */
  private static void awaitCount(AtomicInteger count, int target, List<Future<?>> loops)
      throws Exception {
    while (count.get() < target) {
      for (Future<?> loop : loops) {
        if (loop.isDone()) {
          loop.get();
          throw new IllegalStateException("A client loop ended before the calls were made");
        }
      }
      Thread.sleep(20);
    }
  }
}
