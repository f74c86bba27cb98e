package app.custodian.campaign.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.campaign.control.Audience;
import app.custodian.campaign.control.CampaignRow;
import app.custodian.campaign.entity.CampaignContent;
import app.custodian.testing.DeliveryRows;
import app.custodian.testing.JobTestCase;
import app.custodian.testing.JobTestbed;
import app.custodian.testing.JobsOnJBeret;
import app.custodian.testing.Queries;
import app.custodian.testing.StatementLog;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code newsletter-send} job on JBeret SE against real PostgreSQL and a real SMTP server
 * (GreenMail): who gets the campaign, exactly once, through opt-outs, outages and restarts.
 */
class NewsletterSendJobTest extends JobTestCase {

  static final Duration TIMEOUT = JobTestbed.TIMEOUT;
  static final String UNSUBSCRIBE_TEXT = "Xin chào {{fullName}}. Hủy: {{unsubscribeUrl}}";

  @BeforeEach
  void emptyDatabase() throws Exception {
    bed.empty(
        db,
        "delivery",
        "campaign",
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
  void mailsOnlyCustomersWhoseConsentIsGrantedAndWhoAreNotSuppressed() throws Exception {
    List<String> welcome = new ArrayList<>();
    Map<String, String> eventOf = new HashMap<>();
    for (int i = 0; i < 4; i++) {
      String email = "granted-" + i + "@example.vn";
      String id = seeds.customer("Nguyễn Văn " + i, email, i % 2 == 0 ? "vi" : "en");
      eventOf.put(id, seeds.consent(id, "NEWSLETTER", true));
      welcome.add(email);
    }
    String suppressedForAll = seeds.customer("Trần A", "suppressed-all@example.vn", "vi");
    seeds.consent(suppressedForAll, "NEWSLETTER", true);
    seeds.suppress("suppressed-all@example.vn", "ALL");
    String suppressedForNewsletter = seeds.customer("Trần B", "suppressed-nl@example.vn", "vi");
    seeds.consent(suppressedForNewsletter, "NEWSLETTER", true);
    seeds.suppress("suppressed-nl@example.vn", "NEWSLETTER");
    String withdrawn = seeds.customer("Lê C", "withdrawn@example.vn", "vi");
    seeds.consent(withdrawn, "NEWSLETTER", true);
    seeds.consent(withdrawn, "NEWSLETTER", false);
    String otherPurpose = seeds.customer("Lê D", "survey-only@example.vn", "vi");
    seeds.consent(otherPurpose, "SURVEY", true);
    seeds.customer("Lê E", "never@example.vn", "vi");
    String campaign = seeds.campaign("NEWSLETTER", true, "Tin tháng 11", UNSUBSCRIBE_TEXT);
    assertEquals(4, audience(campaign), "the count shown before sending: who the job will mail");

    JobExecution run = run(campaign, 2);

    assertEquals(BatchStatus.COMPLETED, run.getBatchStatus());
    assertEquals(0, audience(campaign), "everyone had it");
    Map<String, List<MimeMessage>> received = receivedByAddress();
    assertEquals(welcome.stream().sorted().toList(), received.keySet().stream().sorted().toList());
    received.values().forEach(messages -> assertEquals(1, messages.size()));
    MimeMessage message = received.get("granted-0@example.vn").get(0);
    assertEquals("[QC] Tin tháng 11", message.getSubject());
    String listUnsubscribe = message.getHeader("List-Unsubscribe", null);
    assertTrue(
        listUnsubscribe.startsWith("<https://custodian.test/unsubscribe?t="), listUnsubscribe);
    assertEquals("List-Unsubscribe=One-Click", message.getHeader("List-Unsubscribe-Post", null));
    assertEquals(4, metric(run, "send", Metric.MetricType.WRITE_COUNT));
    try (ResultSet rows =
        db.createStatement()
            .executeQuery(
                "select customer_id, status, consent_event_id, message_id from delivery")) {
      int count = 0;
      while (rows.next()) {
        count++;
        assertEquals("SENT", rows.getString("status"));
        assertEquals(
            eventOf.get(rows.getString("customer_id")), rows.getString("consent_event_id"));
        assertNotNull(rows.getString("message_id"));
      }
      assertEquals(4, count);
    }
    assertEquals(
        List.of("SENT", "3", "2", "0"),
        row(
            "select status, skipped_no_consent, skipped_suppressed, deferred from campaign"
                + " where id = ?",
            campaign));
    assertEquals(
        List.of("4"),
        row(
            "select count(*) from audit_entry where action = 'EMAIL_SENT' and detail like ?",
            "campaign " + campaign + "%"));

    JobExecution again = run(campaign, 2);
    assertEquals(BatchStatus.COMPLETED, again.getBatchStatus());
    assertEquals(0, metric(again, "send", Metric.MetricType.READ_COUNT));
    assertEquals(4, bed.smtp().getReceivedMessages().length, "a second run emails nobody");
  }

  @Test
  void aRunOfACampaignThatBreaksTheTemplateRulesFailsBeforeAnyoneIsMailed() throws Exception {
    grantedCustomers(3);
    // saved before the rules, and started the way a restart through the jobs API starts it
    String campaign =
        seeds.campaign(
            "NEWSLETTER",
            true,
            "Tin",
            UNSUBSCRIBE_TEXT,
            "<img src=\"https://collector.example/p?n={{fullName}}\">"
                + "<a href=\"{{unsubscribeUrl}}\">Hủy</a>");

    JobExecution run = run(campaign, 2);

    assertEquals(BatchStatus.FAILED, run.getBatchStatus());
    assertEquals(0, bed.smtp().getReceivedMessages().length);
    assertEquals(
        List.of("0"), row("select count(*) from delivery where campaign_id = ?", campaign));
    assertEquals(List.of("DRAFT"), row("select status from campaign where id = ?", campaign));
  }

  @Test
  void anOptOutMadeBetweenTwoChunksIsHonoured() throws Exception {
    List<String> ids = grantedCustomers(30);
    String campaign = seeds.campaign("NEWSLETTER", true, "Tin", UNSUBSCRIBE_TEXT);
    System.setProperty("custodian.send.rate", "25");

    long execution = JobsOnJBeret.start("newsletter-send", parameters(campaign, 5));
    DeliveryRows.awaitSent(db, campaign, 1, TIMEOUT);
    List<String> lastFive = ids.stream().sorted().skip(25).toList();
    for (String id : lastFive) {
      seeds.consent(id, "NEWSLETTER", false);
    }
    JobExecution run = JobsOnJBeret.awaitEnd(execution, TIMEOUT);

    assertEquals(BatchStatus.COMPLETED, run.getBatchStatus());
    assertEquals(25, bed.smtp().getReceivedMessages().length);
    assertEquals(5, metric(run, "send", Metric.MetricType.FILTER_COUNT));
    for (String id : lastFive) {
      assertEquals(List.of("0"), row("select count(*) from delivery where customer_id = ?", id));
    }
  }

  @Test
  void aRestartAfterSmtpWentDownInTheMiddleSendsNobodyTwice() throws Exception {
    grantedCustomers(40);
    String campaign = seeds.campaign("NEWSLETTER", true, "Tin", UNSUBSCRIBE_TEXT);
    System.setProperty("custodian.send.rate", "40");

    long execution = JobsOnJBeret.start("newsletter-send", parameters(campaign, 5));
    DeliveryRows.awaitSent(db, campaign, 10, TIMEOUT);
    List<String> before = new ArrayList<>(recipients(bed.smtp().getReceivedMessages()));
    bed.stopSmtp();
    JobExecution failed = JobsOnJBeret.awaitEnd(execution, TIMEOUT);
    assertEquals(BatchStatus.FAILED, failed.getBatchStatus());
    List<String> sentBefore = column("select customer_id from delivery where status = 'SENT'");
    assertTrue(sentBefore.size() >= 10 && sentBefore.size() < 40, "sent " + sentBefore.size());
    assertEquals(
        List.of("0"),
        row("select count(*) from delivery where status = 'PENDING' and ? = ?", 1, 1));

    bed.restartSmtp();
    long restarted = JobsOnJBeret.operator().restart(execution, new Properties());
    JobExecution done = JobsOnJBeret.awaitEnd(restarted, TIMEOUT);

    assertEquals(BatchStatus.COMPLETED, done.getBatchStatus());
    List<String> all = new ArrayList<>(before);
    all.addAll(recipients(bed.smtp().getReceivedMessages()));
    assertEquals(all.size(), all.stream().distinct().count(), "nobody twice: " + all);
    List<String> statuses = column("select status from delivery");
    assertEquals(40, statuses.size());
    long sent = statuses.stream().filter("SENT"::equals).count();
    long uncertain = statuses.stream().filter("UNCERTAIN"::equals).count();
    assertEquals(40, sent + uncertain, "every customer sent to or, if in flight, uncertain");
    assertEquals(sent, all.size(), "every SENT row arrived");
  }

  @Test
  void theCampaignIsFailedWhenItsRunFailsAndSentWhenItsRestartFinishes() throws Exception {
    grantedCustomers(3);
    String campaign = seeds.campaign("NEWSLETTER", true, "Tin", UNSUBSCRIBE_TEXT);
    bed.stopSmtp();

    JobExecution failed = run(campaign, 2);

    assertEquals(BatchStatus.FAILED, failed.getBatchStatus());
    assertEquals(
        List.of("FAILED", String.valueOf(failed.getExecutionId())),
        row("select status, execution_id from campaign where id = ?", campaign));
    assertEquals(
        List.of("0"), row("select count(*) from audit_entry where action = 'CAMPAIGN_SENT'"));

    bed.restartSmtp();
    long restarted = JobsOnJBeret.operator().restart(failed.getExecutionId(), new Properties());
    JobExecution done = JobsOnJBeret.awaitEnd(restarted, TIMEOUT);

    assertEquals(BatchStatus.COMPLETED, done.getBatchStatus());
    assertEquals(
        List.of("SENT", String.valueOf(restarted), "0"),
        row(
            "select status, execution_id, skipped_no_consent from campaign where id = ?",
            campaign));
    assertEquals(
        List.of("1"),
        row(
            "select count(*) from audit_entry where action = 'CAMPAIGN_SENT' and detail = ?",
            "campaign " + campaign + ": no consent 0, suppressed 0, deferred 0"));
  }

  @Test
  void eachRunReadsItsCampaignOnce() throws Exception {
    grantedCustomers(5);
    String campaign = seeds.campaign("NEWSLETTER", true, "Tin", UNSUBSCRIBE_TEXT);

    StatementLog.start();
    JobExecution run;
    List<String> prepared;
    try {
      run = run(campaign, 2);
    } finally {
      prepared = StatementLog.stop();
    }

    assertEquals(BatchStatus.COMPLETED, run.getBatchStatus());
    assertEquals(5, bed.smtp().getReceivedMessages().length);
    assertEquals(
        1,
        prepared.stream().filter(sql -> sql.matches("(?is).*\\bfrom campaign\\b.*")).count(),
        String.join("\n", prepared));
  }

  @Test
  void theDailyAdvertisingCapDefersRatherThanDrops() throws Exception {
    String capped = seeds.customer("Bùi An", "capped@example.vn", "vi");
    seeds.consent(capped, "NEWSLETTER", true);
    String underCap = seeds.customer("Bùi Bình", "under@example.vn", "vi");
    seeds.consent(underCap, "NEWSLETTER", true);
    Instant now = Instant.now();
    for (int i = 0; i < 3; i++) {
      seeds.earlierAdvertising(capped, now.minus(Duration.ofHours(2 + i)));
    }
    seeds.earlierAdvertising(underCap, now.minus(Duration.ofHours(1)));
    seeds.earlierAdvertising(underCap, now.minus(Duration.ofHours(2)));
    seeds.earlierAdvertising(underCap, now.minus(Duration.ofHours(25))); // outside the window
    String campaign = seeds.campaign("NEWSLETTER", true, "Tin", UNSUBSCRIBE_TEXT);
    assertEquals(1, audience(campaign), "the capped one is not counted, as the job defers it");

    JobExecution run = run(campaign, 10);

    assertEquals(BatchStatus.COMPLETED, run.getBatchStatus());
    assertEquals(List.of("under@example.vn"), recipients(bed.smtp().getReceivedMessages()));
    assertEquals(
        List.of("SENT", "1"), row("select status, deferred from campaign where id = ?", campaign));
    assertEquals(
        List.of("0"),
        row(
            "select count(*) from delivery where campaign_id = ? and customer_id = ?",
            campaign,
            capped));
  }

  @Test
  void aPermanentRejectionIsFailedAndSuppressesTheAddress() throws Exception {
    String broken = seeds.customer("Đỗ Hỏng", "not an address@example.vn", "vi");
    seeds.consent(broken, "NEWSLETTER", true);
    String fine = seeds.customer("Đỗ Tốt", "fine@example.vn", "vi");
    seeds.consent(fine, "NEWSLETTER", true);
    String campaign = seeds.campaign("NEWSLETTER", false, "Khảo sát", UNSUBSCRIBE_TEXT);

    JobExecution run = run(campaign, 10);

    assertEquals(BatchStatus.COMPLETED, run.getBatchStatus());
    assertEquals(List.of("fine@example.vn"), recipients(bed.smtp().getReceivedMessages()));
    assertEquals(
        "Khảo sát", bed.smtp().getReceivedMessages()[0].getSubject(), "no [QC] on non-ads");
    assertEquals(
        List.of("FAILED"), row("select status from delivery where customer_id = ?", broken));
    assertEquals(List.of("ALL", "HARD_BOUNCE"), row("select scope, reason from suppression"));
  }

  @Test
  void campaignMessagesCarryTheListIdOfTheirPurposeAndNoMailtoWithoutAReturnsMailbox()
      throws Exception {
    grantedCustomers(1);
    String campaign = seeds.campaign("NEWSLETTER", true, "Tin tháng 12", UNSUBSCRIBE_TEXT);
    String next = seeds.campaign("NEWSLETTER", true, "Tin tháng 1", UNSUBSCRIBE_TEXT);

    assertEquals(BatchStatus.COMPLETED, run(campaign, 10).getBatchStatus());
    assertEquals(BatchStatus.COMPLETED, run(next, 10).getBatchStatus());

    MimeMessage message = bed.smtp().getReceivedMessages()[0];
    String listId = message.getHeader("List-Id", null);
    assertEquals("newsletter.list-id.custodian.test", new InternetAddress(listId).getAddress());
    assertEquals(
        listId,
        bed.smtp().getReceivedMessages()[1].getHeader("List-Id", null),
        "one list across the purpose's campaigns, so that a receiver's filter keeps working");
    String listUnsubscribe = message.getHeader("List-Unsubscribe", null);
    assertFalse(listUnsubscribe.contains("mailto:"), listUnsubscribe);
  }

  // --- helpers

  static Properties parameters(String campaignId, int chunkSize) {
    Properties parameters = NewsletterSendJob.parameters(campaignId);
    parameters.setProperty("chunkSize", String.valueOf(chunkSize));
    return parameters;
  }

  static JobExecution run(String campaignId, int chunkSize) {
    long execution = JobsOnJBeret.start("newsletter-send", parameters(campaignId, chunkSize));
    return JobsOnJBeret.awaitEnd(execution, TIMEOUT);
  }

  List<String> grantedCustomers(int count) throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = seeds.customer("Khách " + i, "customer-" + i + "@example.vn", "vi");
      seeds.consent(id, "NEWSLETTER", true);
      ids.add(id);
    }
    return ids;
  }

  static long metric(JobExecution execution, String step, Metric.MetricType type) {
    return JobsOnJBeret.metric(execution, step, type);
  }

  static Map<String, List<MimeMessage>> receivedByAddress() {
    return java.util.Arrays.stream(bed.smtp().getReceivedMessages())
        .collect(Collectors.groupingBy(NewsletterSendJobTest::recipient));
  }

  static List<String> recipients(MimeMessage[] messages) {
    return java.util.Arrays.stream(messages).map(NewsletterSendJobTest::recipient).toList();
  }

  static String recipient(MimeMessage message) {
    try {
      return message.getRecipients(Message.RecipientType.TO)[0].toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> row(String sql, Object... values) throws Exception {
    return Queries.row(db, sql, values);
  }

  static List<String> column(String sql) throws Exception {
    return Queries.column(db, sql);
  }

  /** The audience count the portal shows, with the job's default cap of 3. */
  long audience(String campaign) throws Exception {
    CampaignContent content = CampaignRow.content(db, campaign);
    return Audience.count(db, campaign, content, 3, Instant.now());
  }
}
