package app.custodian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.security.control.KeyMaterial;
import app.custodian.testing.Api;
import app.custodian.testing.Api.Reply;
import app.custodian.testing.CustodianProcess;
import app.custodian.testing.DatabaseSeeds;
import app.custodian.testing.DeliveryRows;
import app.custodian.testing.Postgres;
import app.custodian.testing.Queries;
import app.custodian.testing.ReceivedMail;
import app.custodian.testing.Resources;
import app.custodian.testing.TestKeys;
import app.custodian.testing.TestSmtp;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Campaigns end to end: the packaged application on PostgreSQL sends through a real SMTP server
 * (GreenMail) on Payara Micro's own batch runtime, and finishes a campaign after a kill -9.
 */
class CampaignsIT {

  static final String ADMIN_PASSWORD = "admin-password-for-tests";
  static final String STAFF_PASSWORD = "staff-password-for-tests";
  static final String BODY = "Xin chào {{fullName}}. Hủy đăng ký: {{unsubscribeUrl}}";
  static final Duration TIMEOUT = Duration.ofSeconds(90);

  @TempDir static Path dataDir;
  static Postgres postgres;
  static String databaseUrl;
  static GreenMail smtp;
  static GreenMail returnsMailbox;
  static GreenMailUser returnsUser;
  static Map<String, String> env;
  static CustodianProcess custodian;
  static Api admin;
  static Api operator;
  static Api marketer;

  @BeforeAll
  static void start() {
    smtp = TestSmtp.start();
    postgres = Postgres.start();
    databaseUrl = postgres.createDatabase();
    env = postgres.custodianSettings(databaseUrl, dataDir, ADMIN_PASSWORD);
    TestSmtp.sendTo(env, smtp.getSmtp().getPort());
    env.put("CUSTODIAN_MAIL_FROM", "news@custodian.test");
    env.put("CUSTODIAN_BOUNCE_ADDRESS", "bounces@custodian.test");
    env.put("CUSTODIAN_COMPANY_ADDRESS", "12 Lý Thường Kiệt, Hà Nội");
    env.put("CUSTODIAN_PII_KEY", TestKeys.random());
    env.put("CUSTODIAN_TOKEN_KEY", TestKeys.random());
    env.put("CUSTODIAN_SEND_RATE", "50"); // slow enough to kill the process mid-campaign
    env.put("CUSTODIAN_NODE_TIMEOUT", "PT3S"); // a killed node's runs are continued at once
    returnsMailbox = MailReturnsHelpers.startImap();
    returnsUser =
        returnsMailbox.setUser(
            MailReturnsHelpers.MAILBOX_USER,
            MailReturnsHelpers.MAILBOX_USER,
            MailReturnsHelpers.MAILBOX_PASSWORD);
    env.put("CUSTODIAN_RETURNS_MAILBOX", MailReturnsHelpers.url(returnsMailbox));
    env.put("CUSTODIAN_RETURNS_EVERY", "PT1H"); // the test runs the job itself
    env.put("CUSTODIAN_RETURNS_WEBHOOK_SECRET", MailReturnsHelpers.WEBHOOK_SECRET);
    startCustodian();
    operator = admin.newAccount("operator", STAFF_PASSWORD, "OPERATOR");
    marketer = admin.newAccount("marketing", STAFF_PASSWORD, "MARKETING");
  }

  static void startCustodian() {
    custodian = new CustodianProcess(dataDir, env).start();
    admin = custodian.api("admin", ADMIN_PASSWORD);
    if (operator != null) {
      operator = custodian.api("operator", STAFF_PASSWORD);
      marketer = custodian.api("marketing", STAFF_PASSWORD);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    Resources.closeAll(
        custodian,
        postgres,
        smtp == null ? null : smtp::stop,
        returnsMailbox == null ? null : returnsMailbox::stop);
  }

  @Test
  void marketingSendsACampaignToOptedInCustomersOnlyAndOnlyOnce() throws Exception {
    String subject = "Tin tháng " + UUID.randomUUID();
    String optedIn1 = customer(true);
    String optedIn2 = customer(true);
    String notOptedIn = customer(false);

    String campaignId = createCampaign(subject);
    long execution = send(campaignId);
    JsonObject sent = awaitStatus(campaignId, "SENT");

    assertEquals(2, sent.getJsonObject("stats").getInt("sent"), sent::toString);
    assertTrue(sent.getJsonObject("stats").getInt("skippedNoConsent") >= 1, sent::toString);
    assertEquals(
        sorted(List.of(optedIn1, optedIn2)),
        sorted(ReceivedMail.recipientsOf(smtp, "[QC] " + subject)));
    assertTrue(!ReceivedMail.recipientsOf(smtp, "[QC] " + subject).contains(notOptedIn));
    JsonObject run = admin.get("/api/v1/jobs/executions/" + execution).json();
    assertEquals("COMPLETED", run.getString("batchStatus"), run::toString);
    assertEquals(2, run.getJsonObject("metrics").getInt("written"), run::toString);
    assertEquals(403, marketer.get("/api/v1/jobs/executions/" + execution).status());

    send(campaignId);
    awaitStatus(campaignId, "SENT");
    assertEquals(
        sorted(List.of(optedIn1, optedIn2)),
        sorted(ReceivedMail.recipientsOf(smtp, "[QC] " + subject)));
    String metrics = admin.get("/metrics").body();
    assertTrue(
        metrics
            .lines()
            .anyMatch(
                l ->
                    l.startsWith("custodian_campaign_messages_total")
                        && l.contains("outcome=\"sent\"")),
        "sent counter in /metrics");
    String customerId = customerId(optedIn1);
    JsonObject export = operator.get("/api/v1/customers/" + customerId + "/export").json();
    JsonObject message = export.getJsonArray("messages").getJsonObject(0);
    assertEquals(1, export.getJsonArray("messages").size(), export::toString);
    assertEquals(campaignId, message.getString("campaignId"));
    assertEquals("SENT", message.getString("status"));
    assertEquals(
        consentEventId(customerId), message.getString("consentEventId"), "why they got it");
    Reply audit = admin.get("/api/v1/audit?action=EMAIL_SENT&customerId=" + customerId);
    assertEquals(2, audit.items().size(), "the consent confirmation and the campaign: " + audit);

    assertEquals(204, operator.delete("/api/v1/customers/" + customerId).status());
    JsonObject afterErasure = marketer.get("/api/v1/campaigns/" + campaignId).json();
    assertEquals(
        2, afterErasure.getJsonObject("stats").getInt("sent"), "totals outlive the people counted");
  }

  @Test
  void whatCameBackCountsInTheStatsShowsInTheExportAndOutlivesErasure() throws Exception {
    String bounced = customerId(customer(false));
    String complained = customerId(customer(false));
    String unsubscribed = customerId(customer(false));
    Instant at = Instant.parse("2026-11-20T08:15:30Z");
    String campaignId;
    try (Connection db = postgres.connect(databaseUrl)) {
      // messages as a run leaves them, without mailing (nor capping) the other tests' customers
      DatabaseSeeds seeds = new DatabaseSeeds(db, null, null);
      campaignId = seeds.campaign("SURVEY", false, "Trả về " + UUID.randomUUID(), BODY);
      for (String customerId : List.of(bounced, complained, unsubscribed)) {
        seeds.execute(
            "insert into delivery (campaign_id, customer_id, status, advertising, attempted_at,"
                + " sent_at, message_id) values (?, ?, 'SENT', false, now(), now(), ?)",
            campaignId,
            customerId,
            "<" + UUID.randomUUID() + "@custodian>");
      }
      long toBounced = messageKey(db, campaignId, bounced);
      long toComplained = messageKey(db, campaignId, complained);
      long toUnsubscribed = messageKey(db, campaignId, unsubscribed);
      mailReturn(db, "HARD_BOUNCE", toBounced, bounced, true, at);
      mailReturn(db, "AUTO_REPLY", toBounced, bounced, false, at.plusSeconds(1));
      mailReturn(db, "SOFT_BOUNCE", toComplained, complained, false, at);
      mailReturn(db, "SOFT_BOUNCE", toComplained, complained, true, at.plusSeconds(60));
      mailReturn(db, "COMPLAINT", toComplained, complained, true, at.plusSeconds(120));
      mailReturn(db, "SOFT_BOUNCE", toUnsubscribed, unsubscribed, false, at);
      mailReturn(db, "UNSUBSCRIBE", toUnsubscribed, unsubscribed, false, at.plusSeconds(5));
      mailReturn(db, "UNMATCHED", null, null, false, at);
      LocalDate today = LocalDate.now();
      String contract =
          seeds.contract(unsubscribed, "HD-7", today.minusYears(1), today.plusDays(30), null);
      seeds.renewalReminderSent(contract, 30, unsubscribed, null, at);
      seeds.noticeDelivery("POLICY", "v2", unsubscribed, 0, "SENT");
      mailReturn(
          db,
          "HARD_BOUNCE",
          onlyMessageKey(db, "renewal_reminder", unsubscribed),
          unsubscribed,
          true,
          at.plusSeconds(10));
      mailReturn(
          db,
          "COMPLAINT",
          onlyMessageKey(db, "notice_delivery", unsubscribed),
          unsubscribed,
          true,
          at.plusSeconds(20));
    }

    JsonObject stats =
        marketer.get("/api/v1/campaigns/" + campaignId).json().getJsonObject("stats");
    assertEquals(2, stats.getInt("bounced"), "a hard bounce, and the soft bounce that suppressed");
    assertEquals(1, stats.getInt("complained"), stats::toString);
    assertEquals(
        List.of("HARD_BOUNCE 2026-11-20T08:15:30Z"), returnsInExport(bounced), "no auto-reply");
    assertEquals(
        List.of(
            "SOFT_BOUNCE 2026-11-20T08:15:30Z",
            "SOFT_BOUNCE 2026-11-20T08:16:30Z",
            "COMPLAINT 2026-11-20T08:17:30Z"),
        returnsInExport(complained));
    assertEquals(
        List.of("SOFT_BOUNCE 2026-11-20T08:15:30Z", "UNSUBSCRIBE 2026-11-20T08:15:35Z"),
        returnsInExport(unsubscribed));
    JsonObject export = operator.get("/api/v1/customers/" + unsubscribed + "/export").json();
    assertEquals(
        List.of("HARD_BOUNCE 2026-11-20T08:15:40Z"),
        returns(export.getJsonArray("renewalReminders").getJsonObject(0)),
        "reminders too");
    assertEquals(
        List.of("COMPLAINT 2026-11-20T08:15:50Z"),
        returns(export.getJsonArray("notices").getJsonObject(0)),
        "and notices");

    assertEquals(204, operator.delete("/api/v1/customers/" + bounced).status());
    assertEquals(204, operator.delete("/api/v1/customers/" + complained).status());
    JsonObject after = marketer.get("/api/v1/campaigns/" + campaignId).json();
    assertEquals(2, after.getJsonObject("stats").getInt("bounced"), "outlives the people counted");
    assertEquals(1, after.getJsonObject("stats").getInt("complained"), after::toString);
    try (Connection db = postgres.connect(databaseUrl)) {
      assertEquals(
          0,
          Queries.count(
              db,
              "select count(*) from mail_return where customer_id in (?, ?)",
              bounced,
              complained),
          "nothing of theirs names them any more");
      assertEquals(
          4,
          Queries.count(
              db, "select count(*) from mail_return where customer_id = ?", unsubscribed));
    }
  }

  @Test
  void eachMessageHasItsOwnSignedEnvelopeSenderThatNamesItsDeliveryRow() throws Exception {
    String subject = "VERP " + UUID.randomUUID();
    customer(true);
    String campaignId = createCampaign(subject);
    send(campaignId);
    awaitStatus(campaignId, "SENT");

    KeyMaterial keys =
        KeyMaterial.resolve(
            env.get("CUSTODIAN_PII_KEY"),
            env.get("CUSTODIAN_TOKEN_KEY"),
            env.get("CUSTODIAN_INDEX_KEY"),
            dataDir,
            w -> {});
    List<MimeMessage> received =
        Arrays.stream(smtp.getReceivedMessages())
            .filter(m -> subjectOf(m).equals("[QC] " + subject))
            .toList();
    assertFalse(received.isEmpty());
    try (Connection db = postgres.connect(databaseUrl)) {
      for (MimeMessage message : received) {
        assertEquals(
            "news@custodian.test",
            ((InternetAddress) message.getFrom()[0]).getAddress(),
            "From stays");
        String returnPath = message.getHeader("Return-Path", null); // SMTP MAIL FROM
        Matcher verp =
            Pattern.compile("<bounces\\+([A-Za-z0-9_-]{24})@custodian\\.test>").matcher(returnPath);
        assertTrue(verp.matches(), returnPath);
        long messageKey = keys.messageKeyTokens().verify(verp.group(1)).orElseThrow();
        assertEquals(
            List.of(campaignId, message.getMessageID()),
            Queries.row(
                db,
                "select campaign_id, message_id from delivery where message_key = ?",
                messageKey));
      }
    }
  }

  @Test
  void invalidCampaignsAreRejectedWithProblems() {
    Reply noLink =
        marketer.post(
            "/api/v1/campaigns",
            "{\"name\":\"n\",\"subject\":\"s\",\"textBody\":\"Hello {{fullName}}\"}");
    assertEquals(400, noLink.status(), noLink::toString);
    assertEquals(
        "textBody", noLink.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    assertEquals("application/problem+json", noLink.header("Content-Type"), "problem+json");
    assertEquals(
        400,
        marketer.post("/api/v1/campaigns", campaignJson("s", "RENEWAL_REMINDER", true)).status());
    assertEquals(
        400, marketer.post("/api/v1/campaigns", campaignJson("s", "SURVEY", true)).status());
    assertEquals(
        201, marketer.post("/api/v1/campaigns", campaignJson("s", "SURVEY", false)).status());
    assertEquals(400, marketer.post("/api/v1/campaigns", "{\"subject\":\"s\"}").status());
    assertEquals(400, marketer.post("/api/v1/campaigns", "{not json").status());
    assertEquals(
        403, operator.post("/api/v1/campaigns", campaignJson("s", "NEWSLETTER", true)).status());
    assertEquals(404, marketer.get("/api/v1/campaigns/" + UUID.randomUUID()).status());
    Reply list = marketer.get("/api/v1/campaigns?size=1");
    assertEquals(200, list.status(), list::toString);
    assertEquals(1, list.items().size());
    assertTrue(list.json().getInt("total") >= 1, list::toString);
    assertEquals(400, marketer.get("/api/v1/campaigns?size=501").status());
    assertEquals(
        404, marketer.post("/api/v1/campaigns/" + UUID.randomUUID() + "/send", "").status());
    assertEquals(404, admin.get("/api/v1/jobs/executions/999999").status());
  }

  @Test
  void aCampaignKilledMidwayIsContinuedByTheNextNodeWithNobodyMailedTwice() throws Exception {
    int customers = 150;
    try (Connection db = postgres.connect(databaseUrl)) {
      KeyMaterial keys =
          KeyMaterial.resolve(
              env.get("CUSTODIAN_PII_KEY"),
              env.get("CUSTODIAN_TOKEN_KEY"),
              env.get("CUSTODIAN_INDEX_KEY"),
              dataDir,
              w -> {});
      DatabaseSeeds seeds = new DatabaseSeeds(db, keys.fieldCipher(), keys.blindIndex());
      for (int i = 0; i < customers; i++) {
        String id = seeds.customer("Khách " + i, "bulk-" + i + "@example.vn", "vi");
        seeds.consent(id, "NEWSLETTER", true);
      }
      int audience = grantedNewsletter(db); // with the customers of the other tests
      String subject = "Khuyến mãi " + UUID.randomUUID();
      String campaignId = createCampaign(subject);
      long execution = send(campaignId);
      DeliveryRows.awaitSent(db, campaignId, 20, TIMEOUT);

      custodian.kill();
      startCustodian();

      // the new node finds the run's node gone and continues it by itself: nobody presses restart
      JsonObject done = awaitStatus(campaignId, "SENT");
      JsonObject orphan = admin.get("/api/v1/jobs/executions/" + execution).json();
      assertTrue(orphan.getBoolean("orphaned"), orphan::toString);
      assertEquals("FAILED", orphan.getString("batchStatus"), orphan::toString);
      assertEquals("NODE_LOST", orphan.getString("exitStatus"), orphan::toString);
      assertFalse(orphan.isNull("node"), orphan::toString);
      long successor =
          Long.parseLong(
              Queries.row(db, "select execution_id from campaign where id = ?", campaignId).get(0));
      assertTrue(successor != execution, "continued by another execution");
      String campaignRow = "select status, execution_id from campaign where id = ?";
      List<String> asFinished = Queries.row(db, campaignRow, campaignId);
      List<String> audited = Queries.row(db, "select count(*), max(at) from audit_entry");
      marketer.get("/api/v1/campaigns/" + campaignId);
      admin.get("/api/v1/jobs/executions/" + execution);
      assertEquals(asFinished, Queries.row(db, campaignRow, campaignId), "a read writes nothing");
      assertEquals(audited, Queries.row(db, "select count(*), max(at) from audit_entry"));
      Reply restarted = admin.post("/api/v1/jobs/executions/" + execution + "/restart", "");
      assertEquals(202, restarted.status(), restarted::toString);
      assertEquals(
          successor,
          restarted.json().getJsonNumber("executionId").longValue(),
          "a restart answers with the execution that continues it");

      List<String> received = ReceivedMail.recipientsOf(smtp, "[QC] " + subject);
      assertEquals(received.size(), received.stream().distinct().count(), "nobody twice");
      JsonObject stats = done.getJsonObject("stats");
      int uncertain = stats.getInt("uncertain");
      assertEquals(audience, stats.getInt("sent") + uncertain, stats::toString);
      assertTrue(received.size() >= stats.getInt("sent"), "every SENT row arrived");
      assertTrue(received.size() <= audience);

      Reply resend = marketer.post("/api/v1/campaigns/" + campaignId + "/resend-uncertain", "");
      assertEquals(202, resend.status(), resend::toString);
      JsonObject after = awaitStatus(campaignId, "SENT");
      assertEquals(audience, after.getJsonObject("stats").getInt("sent"), after::toString);
      assertEquals(
          audience, ReceivedMail.recipientsOf(smtp, "[QC] " + subject).stream().distinct().count());

      String dump = DatabaseDump.of(postgres, databaseUrl); // the batch repository's tables too
      for (String trace : List.of("bulk-7@example.vn", "Khách 7")) {
        assertFalse(dump.contains(trace), "no personal data in any table: " + trace);
        assertFalse(custodian.log().contains(trace), "none in the log: " + trace);
      }
      assertTrue(dump.toLowerCase().contains("executioninstancedata"), "the batch repository");
    }
  }

  @Test
  void aCampaignWhoseHtmlSendsTheNameToAnotherServerIsRefusedAndNotSaved() throws Exception {
    String name = "Collector " + UUID.randomUUID();
    String collector =
        "<img src=\"https://collector.example/p?n={{fullName}}&u={{preferencesUrl}}\">"
            + "<a href=\"{{unsubscribeUrl}}\">Hủy</a>";
    Reply refused =
        marketer.post(
            "/api/v1/campaigns",
            Json.createObjectBuilder()
                .add("name", name)
                .add("subject", "Tin")
                .add("textBody", BODY)
                .add("htmlBody", collector)
                .build()
                .toString());

    assertEquals(400, refused.status(), refused::toString);
    assertEquals("application/problem+json", refused.header("Content-Type"));
    JsonObject error = refused.json().getJsonArray("errors").getJsonObject(0);
    assertEquals("htmlBody", error.getString("field"), refused::toString);
    assertTrue(error.getString("message").contains("{{fullName}}"), refused::toString);
    assertTrue(error.getString("message").contains("src attribute of <img>"), refused::toString);
    try (Connection db = postgres.connect(databaseUrl);
        var query = db.prepareStatement("select count(*) from campaign where name = ?")) {
      query.setString(1, name);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        assertEquals(0, row.getInt(1), "nothing saved");
      }
    }
  }

  @Test
  void aCampaignSavedBeforeTheTemplateRulesThatBreaksThemIsNeverSent() throws Exception {
    String email = customer(true);
    String customerId = customerId(email);
    String subject = "Trước quy tắc " + UUID.randomUUID();
    String campaignId;
    try (Connection db = postgres.connect(databaseUrl)) {
      campaignId =
          new DatabaseSeeds(db, null, null)
              .campaign(
                  "NEWSLETTER",
                  true,
                  subject,
                  BODY,
                  "<img src=\"https://collector.example/p?n={{fullName}}\">"
                      + "<a href=\"{{unsubscribeUrl}}\">Hủy</a>");
      // a message a dead run left uncertain: resending it must not release it either
      try (var uncertain =
          db.prepareStatement(
              "insert into delivery (campaign_id, customer_id, status, advertising,"
                  + " attempted_at) values (?, ?, 'UNCERTAIN', true, current_timestamp)")) {
        uncertain.setString(1, campaignId);
        uncertain.setString(2, customerId);
        uncertain.executeUpdate();
      }
    }

    for (String action : List.of("send", "resend-uncertain")) {
      Reply refused = marketer.post("/api/v1/campaigns/" + campaignId + "/" + action, "");
      assertEquals(409, refused.status(), action + ": " + refused);
      assertEquals("application/problem+json", refused.header("Content-Type"));
      JsonObject error = refused.json().getJsonArray("errors").getJsonObject(0);
      assertEquals("htmlBody", error.getString("field"), refused::toString);
      assertTrue(error.getString("message").contains("{{fullName}}"), refused::toString);
    }

    JsonObject campaign = marketer.get("/api/v1/campaigns/" + campaignId).json();
    assertEquals("DRAFT", campaign.getString("status"), campaign::toString);
    assertEquals(1, campaign.getJsonObject("stats").getInt("uncertain"), campaign::toString);
    assertEquals(0, campaign.getJsonObject("stats").getInt("sent"), campaign::toString);
    try (Connection db = postgres.connect(databaseUrl);
        var query = db.prepareStatement("select execution_id from campaign where id = ?")) {
      query.setString(1, campaignId);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        assertEquals(null, row.getObject(1), "no run started");
      }
    }
    assertEquals(List.of(), ReceivedMail.recipientsOf(smtp, "[QC] " + subject), "nobody mailed");
  }

  @Test
  void returnedMailIsActedOnOnceAndTheNextCampaignSkipsThoseItSuppressed() throws Exception {
    String subject = "Returns " + UUID.randomUUID();
    String bounced = customer(true);
    String complainer = customer(true);
    String unsubscriber = customer(true);
    String autoReplier = customer(true);
    String keeper = customer(true);
    String campaignId = informationalCampaign(subject);
    send(campaignId);
    awaitStatus(campaignId, "SENT");
    Map<String, MimeMessage> sent = MailReturnsHelpers.byRecipient(smtp, subject);
    int processedBefore = MailReturnsHelpers.count(returnsMailbox, "Processed"); // other tests'

    MailReturnsHelpers.deliver(
        returnsUser, MailReturnsHelpers.sample("hard-postfix-user-unknown.eml", sent.get(bounced)));
    MailReturnsHelpers.deliver(
        returnsUser, MailReturnsHelpers.sample("complaint-rfc5965-full.eml", sent.get(complainer)));
    MailReturnsHelpers.deliver(
        returnsUser, MailReturnsHelpers.mailtoUnsubscribe(sent.get(unsubscriber), unsubscriber));
    MailReturnsHelpers.deliver(
        returnsUser, MailReturnsHelpers.sample("autoreply-rfc3834.eml", sent.get(autoReplier)));

    assertEquals(403, marketer.post("/api/v1/jobs/mail-returns", "").status());
    JsonObject run = admin.runJob("/api/v1/jobs/mail-returns", TIMEOUT);
    assertEquals("COMPLETED", run.getString("batchStatus"), run::toString);
    JsonObject report = run.getJsonObject("report");
    assertEquals(4, report.getInt("read"), report::toString);
    assertEquals(1, report.getInt("hardBounces"), report::toString);
    assertEquals(1, report.getInt("complaints"), report::toString);
    assertEquals(1, report.getInt("unsubscribes"), report::toString);
    assertEquals(1, report.getInt("autoReplies"), report::toString);
    assertEquals(0, report.getInt("unmatched"), report::toString);
    assertEquals(0, MailReturnsHelpers.count(returnsMailbox, "INBOX"), "all moved");
    assertEquals(4, MailReturnsHelpers.count(returnsMailbox, "Processed") - processedBefore);

    assertFalse(newsletterGranted(complainer), "a complaint withdraws");
    assertFalse(newsletterGranted(unsubscriber), "a mailto unsubscribe withdraws");
    assertTrue(newsletterGranted(autoReplier), "an auto-reply changes nothing");
    assertTrue(newsletterGranted(bounced), "a bounce suppresses; the consent stays as given");
    try (Connection db = postgres.connect(databaseUrl)) {
      assertEquals(
          List.of("ALL HARD_BOUNCE"), MailReturnsHelpers.suppressions(db, keys(), bounced));
      assertEquals(
          List.of("NEWSLETTER COMPLAINT", "SURVEY COMPLAINT"),
          MailReturnsHelpers.suppressions(db, keys(), complainer));
      assertEquals(List.of(), MailReturnsHelpers.suppressions(db, keys(), autoReplier));
      assertEquals(
          List.of("AUTO_REPLY", "COMPLAINT", "HARD_BOUNCE", "UNSUBSCRIBE"),
          Queries.column(
              db,
              "select kind from mail_return where customer_id in (?, ?, ?, ?) order by kind",
              customerId(bounced),
              customerId(complainer),
              customerId(unsubscriber),
              customerId(autoReplier)));
    }

    // read again (as after a crash before the move): recorded already, acted on no second time
    MailReturnsHelpers.deliver(
        returnsUser, MailReturnsHelpers.copyOf(returnsMailbox, "Processed", processedBefore));
    JsonObject again = admin.runJob("/api/v1/jobs/mail-returns", TIMEOUT);
    assertEquals(1, again.getJsonObject("report").getInt("read"), again::toString);
    assertEquals(0, again.getJsonObject("report").getInt("hardBounces"), again::toString);
    try (Connection db = postgres.connect(databaseUrl)) {
      assertEquals(
          4,
          Queries.count(
              db,
              "select count(*) from mail_return where customer_id in (?, ?, ?, ?)",
              customerId(bounced),
              customerId(complainer),
              customerId(unsubscriber),
              customerId(autoReplier)));
    }

    String next = "Returns, next " + UUID.randomUUID();
    String nextCampaign = informationalCampaign(next);
    send(nextCampaign);
    awaitStatus(nextCampaign, "SENT");
    List<String> mine = List.of(bounced, complainer, unsubscriber, autoReplier, keeper);
    assertEquals(
        sorted(List.of(autoReplier, keeper)),
        sorted(ReceivedMail.recipientsOf(smtp, next).stream().filter(mine::contains).toList()));
    assertTrue(
        admin
            .get("/metrics")
            .body()
            .lines()
            .anyMatch(
                l ->
                    l.startsWith("custodian_mail_returns_total")
                        && l.contains("kind=\"hard_bounce\"")
                        && !l.endsWith(" 0.0")),
        "mail returns counted in /metrics");
    forget(mine); // the other tests count who has consented and who is suppressed
  }

  /** The samples each group of people sends back, by the kind they are. */
  static final Map<String, List<String>> RETURN_SAMPLES =
      Map.of(
          "HARD_BOUNCE",
          List.of(
              "hard-postfix-user-unknown.eml",
              "hard-gmail-user-unknown.eml",
              "hard-office365-recipient-not-found.eml"),
          "COMPLAINT",
          List.of("complaint-rfc5965-full.eml", "complaint-yahoo.eml", "complaint-aol.eml"),
          "SOFT_BOUNCE",
          List.of(
              "soft-postfix-mailbox-full.eml", "soft-gmail-delay.eml", "soft-rfc3464-delayed.eml"),
          "AUTO_REPLY",
          List.of(
              "autoreply-rfc3834.eml",
              "autoreply-exchange-automatic-reply.eml",
              "autoreply-icloud-vacation.eml"));

  static final List<String> RETURN_KINDS =
      List.of("HARD_BOUNCE", "COMPLAINT", "UNSUBSCRIBE", "SOFT_BOUNCE", "AUTO_REPLY");

  @Test
  void returnsKilledMidRunAreEachActedOnOnceAfterTheRestart() throws Exception {
    int people = 50;
    int perPerson = 20;
    int total = people * perPerson; // 1,000 returned emails, 200 of each kind
    String policy = "returns-" + UUID.randomUUID().toString().substring(0, 8);
    Reply registered =
        admin.post(
            "/api/v1/policies",
            ("{\"version\":\"%s\",\"effectiveOn\":\"%s\",\"summaryVi\":\"Tóm tắt.\","
                    + "\"summaryEn\":\"Summary.\",\"adverse\":false}")
                .formatted(policy, LocalDate.now().minusDays(1)));
    assertEquals(201, registered.status(), registered::toString);
    List<String> emails = new java.util.ArrayList<>();
    for (int i = 0; i < people; i++) {
      emails.add(customer(true, i % 2 == 0 ? "vi" : "en"));
    }
    Instant began = Instant.now();
    String subject = "Kill returns " + UUID.randomUUID();
    String campaignId = informationalCampaign(subject);
    send(campaignId);
    awaitStatus(campaignId, "SENT");
    Map<String, MimeMessage> sent = MailReturnsHelpers.byRecipient(smtp, subject);
    Map<String, String> kindOf = new java.util.HashMap<>();
    for (int i = 0; i < people; i++) {
      String email = emails.get(i);
      String kind = RETURN_KINDS.get(i % RETURN_KINDS.size());
      kindOf.put(email, kind);
      for (int n = 0; n < perPerson; n++) {
        MailReturnsHelpers.deliver(
            returnsUser,
            kind.equals("UNSUBSCRIBE")
                ? MailReturnsHelpers.mailtoUnsubscribe(sent.get(email), email)
                : MailReturnsHelpers.sample(RETURN_SAMPLES.get(kind).get(n % 3), sent.get(email)));
      }
    }
    int processedBefore = MailReturnsHelpers.count(returnsMailbox, "Processed");
    System.out.println("mail-returns kill: set up in " + Duration.between(began, Instant.now()));
    assertEquals(total, MailReturnsHelpers.count(returnsMailbox, "INBOX"));

    try (Connection db = postgres.connect(databaseUrl)) {
      killAndRestartMailReturns(db, emails, kindOf, campaignId, policy, processedBefore, began);
    } catch (Exception | AssertionError failure) {
      try {
        forget(emails);
      } catch (RuntimeException | AssertionError alsoFailed) {
        failure.addSuppressed(alsoFailed); // e.g. the restarted jar never became ready
      }
      throw failure;
    }
    forget(emails); // the other tests count who has consented and who is suppressed
  }

  void killAndRestartMailReturns(
      Connection db,
      List<String> emails,
      Map<String, String> kindOf,
      String campaignId,
      String policy,
      int processedBefore,
      Instant began)
      throws Exception {
    int total = emails.size() * 20; // 1,000 returned emails, 200 of each kind
    String mine = "customer_id in (select customer_id from delivery where campaign_id = ?)";
    Reply started = admin.post("/api/v1/jobs/mail-returns", "");
    assertEquals(202, started.status(), started::toString);
    long execution = started.json().getJsonNumber("executionId").longValue();
    long recorded = 0;
    Instant deadline = Instant.now().plus(TIMEOUT);
    while (recorded == 0 && Instant.now().isBefore(deadline)) {
      recorded = Queries.count(db, "select count(*) from mail_return where " + mine, campaignId);
    }
    custodian.kill();
    long atKill = Queries.count(db, "select count(*) from mail_return where " + mine, campaignId);
    int inboxAtKill = MailReturnsHelpers.count(returnsMailbox, "INBOX");
    System.out.printf(
        "mail-returns kill: %d returns recorded, %d emails left in the INBOX at the kill%n",
        atKill, inboxAtKill);
    assertTrue(atKill > 0 && atKill < total, "killed mid-run: " + atKill);

    Instant killed = Instant.now();
    startCustodian();
    System.out.println(
        "mail-returns kill: restarted in " + Duration.between(killed, Instant.now()));
    JsonObject orphan = admin.get("/api/v1/jobs/executions/" + execution).json();
    assertTrue(orphan.getBoolean("orphaned"), orphan::toString);
    Instant restarted = Instant.now();
    JsonObject finished =
        admin.runJob("/api/v1/jobs/executions/" + execution + "/restart", Duration.ofMinutes(5));
    assertEquals("COMPLETED", finished.getString("batchStatus"), finished::toString);
    JsonObject report = finished.getJsonObject("report");
    System.out.println(
        "mail-returns kill: finished in " + Duration.between(restarted, Instant.now()));
    System.out.printf(
        "mail-returns kill: the killed run's report %s, after the restart %s%n",
        orphan.get("report"), report);

    // each returned email recorded once, of the kind it is
    assertEquals(
        total, Queries.count(db, "select count(*) from mail_return where " + mine, campaignId));
    assertEquals(
        total,
        Queries.count(
            db, "select count(distinct source_id) from mail_return where " + mine, campaignId));
    for (String kind : RETURN_KINDS) {
      assertEquals(
          total / RETURN_KINDS.size(),
          Queries.count(
              db, "select count(*) from mail_return where kind = ? and " + mine, kind, campaignId),
          kind);
    }
    // ... audited once each
    assertEquals(
        total,
        Queries.count(
            db,
            "select count(*) from audit_entry where action like 'MAIL_RETURN_%' and " + mine,
            campaignId));
    assertEquals(
        0,
        Queries.count(
            db,
            "select count(*) from mail_return r where r."
                + mine
                + " and (select count(*) from audit_entry a where a.action = 'MAIL_RETURN_'"
                + " || r.kind and a.detail like 'mail_return ' || r.id || '%') <> 1",
            campaignId),
        "one audit entry per return");
    // ... acted on once: one suppression each, one withdrawal per person and purpose
    assertEquals(
        20,
        Queries.count(
            db, "select count(*) from mail_return where suppressed and " + mine, campaignId),
        "the first hard bounce, and the soft bounce that reached the limit, of 10 people each");
    assertEquals(
        0,
        Queries.count(
            db,
            "select count(*) from (select customer_id, purpose from consent_event"
                + " where source in ('COMPLAINT', 'email-mailto') and "
                + mine
                + " group by customer_id, purpose having count(*) > 1) twice",
            campaignId),
        "no consent withdrawn twice");
    assertEquals(
        List.of("COMPLAINT NEWSLETTER 10", "COMPLAINT SURVEY 10", "email-mailto NEWSLETTER 10"),
        Queries.rows(
            db,
            "select source, purpose, count(*) from consent_event"
                + " where source in ('COMPLAINT', 'email-mailto') and "
                + mine
                + " group by source, purpose order by source, purpose",
            campaignId));
    assertEquals(
        List.of(policy),
        Queries.column(
            db,
            "select distinct coalesce(policy_version, '-') from consent_event"
                + " where source = 'email-mailto' and "
                + mine,
            campaignId),
        "the policy version in force, as the one-click unsubscribe records");
    KeyMaterial keys = keys();
    Map<String, List<String>> suppressedAs =
        Map.of(
            "HARD_BOUNCE", List.of("ALL HARD_BOUNCE"),
            "COMPLAINT", List.of("NEWSLETTER COMPLAINT", "SURVEY COMPLAINT"),
            "UNSUBSCRIBE", List.of("NEWSLETTER UNSUBSCRIBED"),
            "SOFT_BOUNCE", List.of("ALL SOFT_BOUNCE_LIMIT"),
            "AUTO_REPLY", List.of());
    for (String email : emails) {
      assertEquals(
          suppressedAs.get(kindOf.get(email)),
          MailReturnsHelpers.suppressions(db, keys, email),
          kindOf.get(email));
    }

    // the mailbox: every email moved once, none left, none twice
    assertEquals(0, MailReturnsHelpers.count(returnsMailbox, "INBOX"));
    assertEquals(total, MailReturnsHelpers.count(returnsMailbox, "Processed") - processedBefore);

    // the reports count what each run acted on, the killed one's too though its checkpoint was
    // lost (an orphan is run anew, as a new job instance): together, each email once
    Map<String, String> field =
        Map.of(
            "HARD_BOUNCE", "hardBounces",
            "COMPLAINT", "complaints",
            "UNSUBSCRIBE", "unsubscribes",
            "SOFT_BOUNCE", "softBounces",
            "AUTO_REPLY", "autoReplies");
    JsonObject killedReport =
        admin.get("/api/v1/jobs/executions/" + execution).json().getJsonObject("report");
    assertEquals(
        atKill,
        RETURN_KINDS.stream().mapToLong(k -> killedReport.getInt(field.get(k))).sum(),
        killedReport::toString);
    for (String kind : RETURN_KINDS) {
      assertEquals(
          total / RETURN_KINDS.size(),
          killedReport.getInt(field.get(kind)) + report.getInt(field.get(kind)),
          killedReport + " + " + report);
    }
    assertEquals(0, report.getInt("unmatched"), report::toString);
    assertTrue(
        killedReport.getInt("read") + report.getInt("read") >= total,
        "read again: those recorded but not moved before the kill");

    // one confirmation per mailto unsubscriber, in their language; none after a complaint
    List<String> unsubscribers =
        emails.stream().filter(e -> kindOf.get(e).equals("UNSUBSCRIBE")).toList();
    for (String email : unsubscribers) {
      ReceivedMail.awaitTo(smtp, email, 3); // consent granted, the campaign, the confirmation
    }
    assertEquals(
        0,
        Queries.count(db, "select count(*) from consent_notice where " + mine, campaignId),
        "nothing left to send");
    for (String email : emails) {
      List<String> confirmations =
          Arrays.stream(smtp.getReceivedMessages())
              .filter(m -> ReceivedMail.recipient(m).equals(email))
              .map(CampaignsIT::subjectOf)
              .filter(
                  s -> s.startsWith("You are unsubscribed") || s.startsWith("Xác nhận hủy đăng ký"))
              .toList();
      int index = emails.indexOf(email);
      if (kindOf.get(email).equals("UNSUBSCRIBE")) {
        assertEquals(1, confirmations.size(), confirmations::toString);
        assertTrue(
            confirmations.get(0).startsWith(index % 2 == 0 ? "Xác nhận" : "You are"),
            confirmations::toString);
      } else {
        assertEquals(List.of(), confirmations, kindOf.get(email));
      }
    }
    JsonObject history =
        operator.get("/api/v1/customers/" + customerId(unsubscribers.get(0)) + "/consents").json();
    assertEquals(
        List.of(policy),
        history.getJsonArray("history").getValuesAs(JsonObject.class).stream()
            .filter(e -> e.getString("source").equals("email-mailto"))
            .map(e -> e.getString("policyVersion"))
            .toList(),
        history::toString);
    System.out.println("mail-returns kill: checked at " + Duration.between(began, Instant.now()));
  }

  @Test
  void theSignedWebhookActsOnceAndRefusesWhatIsNotSigned() throws Exception {
    String subject = "Webhook " + UUID.randomUUID();
    String complainer = customer(true);
    String bounced = customer(true);
    String leaver = customer(true);
    String campaignId = informationalCampaign(subject);
    send(campaignId);
    awaitStatus(campaignId, "SENT");
    Map<String, MimeMessage> sent = MailReturnsHelpers.byRecipient(smtp, subject);
    String complaint =
        "{\"type\":\"complaint\",\"recipient\":\"%s\",\"messageId\":\"%s\"}"
            .formatted(complainer, sent.get(complainer).getMessageID());
    Api anonymous = admin.as(null, null);

    assertEquals(401, MailReturnsHelpers.webhook(anonymous, complaint, null).status());
    assertEquals(
        401, MailReturnsHelpers.webhook(anonymous, complaint, "sha256=" + "0".repeat(64)).status());
    assertEquals(
        401,
        MailReturnsHelpers.webhook(
                anonymous,
                complaint,
                MailReturnsHelpers.sign(complaint.replace("complaint", "bounce")))
            .status());
    assertTrue(newsletterGranted(complainer), "nothing changed");

    Reply accepted =
        MailReturnsHelpers.webhook(anonymous, complaint, MailReturnsHelpers.sign(complaint));
    assertEquals(202, accepted.status(), accepted::toString);
    assertFalse(newsletterGranted(complainer));
    Reply repeated =
        MailReturnsHelpers.webhook(anonymous, complaint, MailReturnsHelpers.sign(complaint));
    assertEquals(202, repeated.status(), repeated::toString);
    assertFalse(repeated.json().getBoolean("recorded"), "the same report is acted on once");

    String bounce =
        "{\"type\":\"bounce\",\"recipient\":\"%s\",\"diagnostic\":\"550 5.1.1 <%s> unknown\"}"
            .formatted(bounced, bounced);
    assertEquals(
        202,
        MailReturnsHelpers.webhook(anonymous, bounce, MailReturnsHelpers.sign(bounce)).status());
    String unsubscribe =
        "{\"type\":\"unsubscribe\",\"recipient\":\"%s\",\"messageId\":\"%s\"}"
            .formatted(leaver, sent.get(leaver).getMessageID());
    assertEquals(
        202,
        MailReturnsHelpers.webhook(anonymous, unsubscribe, MailReturnsHelpers.sign(unsubscribe))
            .status());
    assertFalse(newsletterGranted(leaver), "the purpose of the message it answers is withdrawn");
    String invalid = "{\"type\":\"bounced\"}";
    Reply refused =
        MailReturnsHelpers.webhook(anonymous, invalid, MailReturnsHelpers.sign(invalid));
    assertEquals(400, refused.status(), refused::toString);
    assertEquals("application/problem+json", refused.header("Content-Type"));
    try (Connection db = postgres.connect(databaseUrl)) {
      assertEquals(
          List.of("ALL HARD_BOUNCE"), MailReturnsHelpers.suppressions(db, keys(), bounced));
      assertEquals(
          List.of("WEBHOOK", "WEBHOOK"),
          Queries.column(
              db,
              "select source from mail_return where customer_id in (?, ?)",
              customerId(complainer),
              customerId(bounced)));
      for (String diagnostic :
          Queries.column(db, "select coalesce(diagnostic, '') from mail_return")) {
        assertFalse(diagnostic.contains(bounced), diagnostic);
      }
      assertEquals(
          List.of("provider-report"),
          Queries.column(
              db,
              "select source from consent_event where customer_id = ? and not granted",
              customerId(leaver)),
          "the ledger says a provider reported it, not that the person emailed us");
    }
    forget(List.of(complainer, bounced, leaver));
  }

  /** A campaign that advertises nothing: it counts against nobody's advertising cap. */
  static String informationalCampaign(String subject) {
    Reply created = marketer.post("/api/v1/campaigns", campaignJson(subject, "NEWSLETTER", false));
    assertEquals(201, created.status(), created::toString);
    return created.json().getString("id");
  }

  static void forget(List<String> emails) {
    for (String email : emails) {
      assertEquals(204, operator.delete("/api/v1/customers/" + customerId(email)).status());
    }
  }

  static boolean newsletterGranted(String email) {
    JsonObject consents =
        operator.get("/api/v1/customers/" + customerId(email) + "/consents").json();
    return consents.getJsonObject("current").getJsonObject("NEWSLETTER").getBoolean("granted");
  }

  static KeyMaterial keys() {
    return KeyMaterial.resolve(
        env.get("CUSTODIAN_PII_KEY"),
        env.get("CUSTODIAN_TOKEN_KEY"),
        env.get("CUSTODIAN_INDEX_KEY"),
        dataDir,
        w -> {});
  }

  // --- helpers

  static String customer(boolean optedIn) {
    return customer(optedIn, "vi");
  }

  static String customer(boolean optedIn, String locale) {
    String email = "c-" + UUID.randomUUID() + "@example.vn";
    Reply created =
        operator.post(
            "/api/v1/customers",
            "{\"fullName\":\"Phạm Thu Hà\",\"email\":\"%s\",\"locale\":\"%s\"}"
                .formatted(email, locale));
    assertEquals(201, created.status(), created::toString);
    if (optedIn) {
      Reply granted =
          operator.put(
              "/api/v1/customers/" + created.json().getString("id") + "/consents/NEWSLETTER",
              "{\"granted\":true,\"source\":\"web-form\"}");
      assertEquals(200, granted.status(), granted::toString);
    }
    return email;
  }

  static long messageKey(Connection db, String campaignId, String customerId) throws Exception {
    return Long.parseLong(
        Queries.row(
                db,
                "select message_key from delivery where campaign_id = ? and customer_id = ?",
                campaignId,
                customerId)
            .get(0));
  }

  /** The key of the customer's one message in a delivery table. */
  static long onlyMessageKey(Connection db, String table, String customerId) throws Exception {
    return Long.parseLong(
        Queries.row(db, "select message_key from " + table + " where customer_id = ?", customerId)
            .get(0));
  }

  /** A row as the mail-returns job writes it. */
  static void mailReturn(
      Connection db,
      String kind,
      Long messageKey,
      String customerId,
      boolean suppressed,
      Instant at)
      throws Exception {
    new DatabaseSeeds(db, null, null)
        .execute(
            "insert into mail_return (id, source, source_id, kind, status_code, diagnostic,"
                + " message_key, customer_id, suppressed, received_at)"
                + " values (?, 'MAILBOX', ?, ?, '5.1.1', 'user unknown', ?, ?, ?, ?)",
            UUID.randomUUID().toString(),
            "<" + UUID.randomUUID() + "@returns.test>",
            kind,
            messageKey,
            customerId,
            suppressed,
            java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC));
  }

  /** The returns of the customer's one campaign message in their export, "KIND at" each. */
  static List<String> returnsInExport(String customerId) {
    JsonObject export = operator.get("/api/v1/customers/" + customerId + "/export").json();
    return returns(export.getJsonArray("messages").getJsonObject(0));
  }

  /** The returns of one message of an export, "KIND at" each. */
  static List<String> returns(JsonObject message) {
    return message.getJsonArray("returns").getValuesAs(JsonObject.class).stream()
        .map(r -> r.getString("kind") + " " + r.getString("at"))
        .toList();
  }

  static String subjectOf(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String customerId(String email) {
    return operator.get("/api/v1/customers?q=" + email).items().getJsonObject(0).getString("id");
  }

  /** The id of the ledger event that granted NEWSLETTER, as the database holds it. */
  static String consentEventId(String customerId) throws Exception {
    try (Connection db = postgres.connect(databaseUrl);
        var query =
            db.prepareStatement(
                "select event_id from consent_state where customer_id = ?"
                    + " and purpose = 'NEWSLETTER'")) {
      query.setString(1, customerId);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getString(1);
      }
    }
  }

  static String campaignJson(String subject, String purpose, boolean advertising) {
    return ("{\"name\":\"November\",\"purpose\":\"%s\",\"subject\":\"%s\",\"textBody\":\"%s\","
            + "\"htmlBody\":\"<p>{{fullName}}</p><a href=\\\"{{unsubscribeUrl}}\\\">Hủy</a>\","
            + "\"advertising\":%s}")
        .formatted(purpose, subject, BODY, advertising);
  }

  static String createCampaign(String subject) {
    Reply created = marketer.post("/api/v1/campaigns", campaignJson(subject, "NEWSLETTER", true));
    assertEquals(201, created.status(), created::toString);
    assertEquals("DRAFT", created.json().getString("status"));
    return created.json().getString("id");
  }

  static long send(String campaignId) {
    Reply accepted = marketer.post("/api/v1/campaigns/" + campaignId + "/send", "");
    assertEquals(202, accepted.status(), accepted::toString);
    return accepted.json().getJsonNumber("executionId").longValue();
  }

  static JsonObject awaitStatus(String campaignId, String status) throws InterruptedException {
    Instant deadline = Instant.now().plus(TIMEOUT);
    JsonObject campaign;
    do {
      campaign = marketer.get("/api/v1/campaigns/" + campaignId).json();
      if (campaign.getString("status").equals(status)) {
        return campaign;
      }
      Thread.sleep(200);
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError("campaign not " + status + " in time: " + campaign);
  }

  static int grantedNewsletter(Connection db) throws Exception {
    try (ResultSet row =
        db.createStatement()
            .executeQuery(
                "select count(*) from consent_state where purpose = 'NEWSLETTER' and granted")) {
      row.next();
      return row.getInt(1);
    }
  }

  static List<String> sorted(List<String> values) {
    return values.stream().sorted().toList();
  }
}
