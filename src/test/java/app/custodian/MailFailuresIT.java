package app.custodian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.testing.Api;
import app.custodian.testing.Api.Reply;
import app.custodian.testing.CustodianProcess;
import app.custodian.testing.Postgres;
import app.custodian.testing.Resources;
import app.custodian.testing.ScriptedSmtpServer;
import app.custodian.testing.TestSmtp;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a mail server's refusals do to confirmation emails: a permanent one suppresses the address,
 * a temporary one is retried until the message goes, even across a killed process, and nothing is
 * lost or sent twice.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MailFailuresIT {

  static final String ADMIN_PASSWORD = "admin-password-for-tests";

  @TempDir static Path dataDir;
  static Postgres postgres;
  static ScriptedSmtpServer smtp;
  static CustodianProcess custodian;
  static Api admin;
  static final Set<String> refusedOnce = ConcurrentHashMap.newKeySet();
  static volatile boolean released;
  static volatile boolean relayBack;

  @BeforeAll
  static void start() throws Exception {
    smtp = new ScriptedSmtpServer(MailFailuresIT::rcptReply, "250 2.0.0 queued", false);
    postgres = Postgres.start();
    Map<String, String> env =
        postgres.custodianSettings(postgres.createDatabase(), dataDir, ADMIN_PASSWORD);
    TestSmtp.sendTo(env, smtp.port());
    env.put("CUSTODIAN_MAIL_RETRY_AFTER", "PT1S");
    custodian = new CustodianProcess(dataDir, env).start();
    admin = custodian.api("admin", ADMIN_PASSWORD);
  }

  /**
   * bounce-*: no such user; busy-*: try again later, once; held-*: later, until released; paused-*:
   * later, until the relay is back.
   */
  static String rcptReply(String address) {
    if (address.startsWith("bounce-")) {
      return "550 5.1.1 no such user";
    }
    if (address.startsWith("held-") && !released) {
      return "451 4.4.1 relay queue full";
    }
    if (address.startsWith("paused-") && !relayBack) {
      return "451 4.4.1 relay queue full";
    }
    if (address.startsWith("busy-") && refusedOnce.add(address)) {
      return "451 4.3.0 mailbox busy, try again later";
    }
    return "250 2.1.5 OK";
  }

  @AfterAll
  static void stop() throws Exception {
    Resources.closeAll(custodian, postgres, smtp);
  }

  static String newCustomerGranting(String email, String purpose) {
    Reply created =
        admin.post(
            "/api/v1/customers", "{\"fullName\":\"Đỗ Minh\",\"email\":\"%s\"}".formatted(email));
    assertEquals(201, created.status(), created::toString);
    String id = created.json().getString("id");
    Reply granted = grant(id, purpose);
    assertEquals(200, granted.status(), granted::toString);
    assertTrue(granted.json().getBoolean("applied"));
    return id;
  }

  static Reply grant(String id, String purpose) {
    return admin.put(
        "/api/v1/customers/" + id + "/consents/" + purpose,
        "{\"granted\":true,\"source\":\"call-centre\"}");
  }

  /** Polls the audit trail until the customer has an entry with this action. */
  static JsonObject awaitAudit(String customerId, String action) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      var entries =
          admin.get("/api/v1/audit?customerId=" + customerId + "&action=" + action).items();
      if (!entries.isEmpty()) {
        return entries.getJsonObject(0);
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no " + action + " for " + customerId);
  }

  @Test
  @Order(1)
  void aPermanentRejectionSuppressesTheAddressForEveryPurpose() throws Exception {
    String email = "bounce-" + UUID.randomUUID() + "@example.vn";
    String id = newCustomerGranting(email, "NEWSLETTER");

    JsonObject rejected = awaitAudit(id, "EMAIL_REJECTED");
    assertTrue(rejected.getString("detail").contains("550"), rejected::toString);
    assertFalse(rejected.getString("detail").contains(email), "ids only in the audit trail");

    Reply lookup = admin.post("/api/v1/suppressions/lookup", "{\"email\":\"%s\"}".formatted(email));
    JsonObject entry = lookup.json().getJsonArray("entries").getJsonObject(0);
    assertEquals("HARD_BOUNCE", entry.getString("reason"));
    assertEquals("ALL", entry.getString("scope"));
    Reply survey = grant(id, "SURVEY");
    assertFalse(survey.json().getBoolean("applied"), survey::toString);
    assertEquals("SUPPRESSED_HARD_BOUNCE", survey.json().getString("notAppliedReason"));
    assertFalse(smtp.delivered.contains(email));
    assertFalse(custodian.log().contains(email), "no address in the log");
  }

  @Test
  @Order(2)
  void aTemporaryRefusalIsRetriedUntilTheMessageGoesOnce() throws Exception {
    String email = "busy-" + UUID.randomUUID() + "@example.vn";
    String id = newCustomerGranting(email, "RENEWAL_REMINDER");

    awaitAudit(id, "EMAIL_SENT");
    assertEquals(List.of(email, email), smtp.asked.stream().filter(email::equals).toList());
    assertEquals(List.of(email), smtp.delivered.stream().filter(email::equals).toList());
    assertTrue(refusedOnce.contains(email), "the first attempt was refused");
    assertFalse(custodian.log().contains(email), "no address in the log");
  }

  @Test
  @Order(3)
  void aManualSuppressionBlocksGrantsUntilAnAdminRemovesIt() {
    String email = "manual-" + UUID.randomUUID() + "@example.vn";
    String id =
        admin
            .post(
                "/api/v1/customers", "{\"fullName\":\"Vũ Lan\",\"email\":\"%s\"}".formatted(email))
            .json()
            .getString("id");
    String body = "{\"email\":\"%s\",\"scope\":\"SURVEY\"}".formatted(email);

    Reply added = admin.post("/api/v1/suppressions", body);
    assertEquals(200, added.status(), added::toString);
    assertEquals(
        "MANUAL", added.json().getJsonArray("entries").getJsonObject(0).getString("reason"));
    assertFalse(grant(id, "SURVEY").json().getBoolean("applied"));
    assertTrue(grant(id, "NEWSLETTER").json().getBoolean("applied"), "other purposes are free");

    Reply invalid = admin.post("/api/v1/suppressions", "{\"email\":\"nope\",\"scope\":\"SPAM\"}");
    assertEquals(400, invalid.status(), invalid::toString);
    assertEquals(2, invalid.json().getJsonArray("errors").size());

    Reply removed = admin.post("/api/v1/suppressions/remove", body);
    assertTrue(removed.json().getBoolean("removed"), removed::toString);
    assertTrue(grant(id, "SURVEY").json().getBoolean("applied"));
  }

  @Test
  @Order(4)
  void aConfirmationWaitingForTheRelaySurvivesAKilledProcess() throws Exception {
    String email = "held-" + UUID.randomUUID() + "@example.vn";
    String id = newCustomerGranting(email, "SURVEY");
    awaitRefusals(email, 2);

    custodian.kill();
    released = true;
    custodian.start();
    admin = custodian.api("admin", ADMIN_PASSWORD);

    awaitAudit(id, "EMAIL_SENT");
    assertEquals(List.of(email), smtp.delivered.stream().filter(email::equals).toList());
  }

  /**
   * A campaign run that failed while the relay was away, restarted through the jobs API once it is
   * back, sends the same campaign to those it missed: the restart keeps the run's parameters.
   */
  @Test
  @Order(5)
  void aCampaignRunThatFailedWhileTheRelayWasAwayFinishesTheSameCampaignWhenRestarted()
      throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(newCustomerGranting("paused-" + UUID.randomUUID() + "@example.vn", "NEWSLETTER"));
    }
    Reply created =
        admin.post(
            "/api/v1/campaigns",
            ("{\"name\":\"December\",\"purpose\":\"NEWSLETTER\",\"subject\":\"Tin tháng 12\","
                + "\"textBody\":\"Xin chào {{fullName}}. Hủy: {{unsubscribeUrl}}\","
                + "\"advertising\":false}"));
    assertEquals(201, created.status(), created::toString);
    String campaignId = created.json().getString("id");
    Reply sending = admin.post("/api/v1/campaigns/" + campaignId + "/send", "");
    assertEquals(202, sending.status(), sending::toString);
    long execution = sending.json().getJsonNumber("executionId").longValue();
    JsonObject failed = awaitEnd(execution);
    assertEquals("FAILED", failed.getString("batchStatus"), failed::toString);

    relayBack = true;
    JsonObject restarted =
        admin.runJob("/api/v1/jobs/executions/" + execution + "/restart", Duration.ofMinutes(2));

    assertEquals("COMPLETED", restarted.getString("batchStatus"), restarted::toString);
    JsonObject campaign = admin.get("/api/v1/campaigns/" + campaignId).json();
    assertEquals("SENT", campaign.getString("status"), campaign::toString);
    assertEquals(0, campaign.getJsonObject("stats").getInt("uncertain"), campaign::toString);
    for (String id : ids) {
      List<JsonObject> messages =
          admin
              .get("/api/v1/customers/" + id + "/export")
              .json()
              .getJsonArray("messages")
              .getValuesAs(JsonObject.class)
              .stream()
              .filter(m -> campaignId.equals(m.getString("campaignId", null)))
              .toList();
      assertEquals(1, messages.size(), "one message of the campaign each: " + messages);
      assertEquals("SENT", messages.get(0).getString("status"), messages::toString);
    }
  }

  /** Polls the execution until it has ended. */
  private static JsonObject awaitEnd(long execution) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      JsonObject view = admin.get("/api/v1/jobs/executions/" + execution).json();
      if (!Set.of("STARTING", "STARTED", "STOPPING").contains(view.getString("batchStatus"))) {
        return view;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("execution " + execution + " did not end");
  }

  /** Polls until the relay has refused the address this many times. */
  private static void awaitRefusals(String email, int times) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (smtp.asked.stream().filter(email::equals).count() < times) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("the relay was not asked " + times + " times for " + email);
      }
      Thread.sleep(100);
    }
  }
}
