package app.custodian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.testing.Api.Reply;
import app.custodian.testing.Browser;
import app.custodian.testing.PortalStack;
import app.custodian.testing.ReceivedMail;
import app.custodian.testing.Resources;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The portal's privacy requests, policies and breach register in headless Chromium, against the
 * packaged application on PostgreSQL with GreenMail: what staff do there reaches the API's state
 * and the people's mailboxes.
 */
class PortalRequestsIT {

  static final String API = "/api/v1/privacy-requests";
  static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  static final DateTimeFormatter PICKER = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  static final Duration JOB = Duration.ofSeconds(90);

  @TempDir static Path dataDir;
  static PortalStack stack;

  @BeforeAll
  static void start() {
    stack = PortalStack.start(dataDir, Map.of());
  }

  @AfterAll
  static void stop() throws Exception {
    Resources.closeAll(stack);
  }

  @Test
  void anOperatorWorksTheQueueFromRegistrationToCompletionAndRefusal() {
    String email = uniqueEmail();
    String customer = newCustomer(email);
    String other = newCustomer(uniqueEmail());
    try (Browser b = stack.signedInAs("OPERATOR")) {
      b.go("/requests/list.xhtml");
      register(b, customer, "ACCESS", null);
      register(b, other, "RECTIFICATION", "2026-01-05 09:00");
      String current = only(customer);
      String overdue = only(other);

      b.go("/requests/list.xhtml");
      List<WebElement> rows = b.all(By.cssSelector("[id='queue-form:queue_data'] > tr"));
      assertTrue(rows.size() >= 2, "both requests in the queue");
      assertTrue(
          rows.get(0).getAttribute("innerHTML").contains("id=" + overdue), "earliest due first");
      assertFalse(rows.get(0).findElements(By.className("overdue-mark")).isEmpty(), "marked");
      assertTrue(rows.get(0).getAttribute("class").contains("overdue-row"));
      assertTrue(rows.get(1).findElements(By.className("overdue-mark")).isEmpty(), "not overdue");
      b.screenshot("requests-list");
      b.assertAccessible("requests");
      b.click(By.id("queue-form:overdue"));
      b.settle();
      assertFalse(b.pageSource().contains("id=" + current), "overdue only leaves the new one out");

      b.go("/requests/detail.xhtml?id=" + current);
      assertEquals("PENDING_VERIFICATION", b.text(By.id("status")));
      b.type(By.id("request:evidence"), "national ID card seen at the counter");
      b.click(By.id("request:verify"));
      b.waitForText(By.id("status"), "VERIFIED");
      assertEquals(
          "OPERATOR_CHECK", request(current).getJsonObject("verification").getString("method"));

      b.type(By.id("request:reason"), "the archive must be fetched from storage");
      b.click(By.id("request:extend"));
      b.waitForText(By.id("extended"), yes(b));
      assertTrue(request(current).getBoolean("extended"));

      b.screenshot("requests-detail");
      b.assertAccessible("request-extended");
      b.click(By.id("request:complete"));
      b.waitForText(By.id("status"), "COMPLETED");
      b.waitFor(By.id("request:download-export"));
      assertEquals("COMPLETED", request(current).getString("status"));
      // the acknowledgement, the extension and the completion
      List<MimeMessage> mail = ReceivedMail.awaitTo(stack.smtp, email, 3);
      assertFalse(mail.isEmpty());
      b.screenshot("requests-detail-completed");
      b.assertAccessible("request-completed");

      b.go("/requests/detail.xhtml?id=" + overdue);
      b.type(By.id("request:reason"), "the person withdrew the request by phone");
      b.click(By.id("request:refuse"));
      b.click(By.id("confirm:confirm-yes"));
      b.waitForText(By.id("status"), "REFUSED");
      JsonObject refused = request(overdue);
      assertEquals("REFUSED", refused.getString("status"));
      assertEquals("the person withdrew the request by phone", refused.getString("refusalReason"));
    }
  }

  @Test
  void aStepTheStatusNoLongerAllowsShowsTheApisProblem() {
    String customer = newCustomer(uniqueEmail());
    String id =
        stack
            .admin
            .post(API, "{\"customerId\":\"%s\",\"type\":\"ERASURE\"}".formatted(customer))
            .json()
            .getString("id");
    try (Browser b = stack.signedInAs("OPERATOR")) {
      b.go("/requests/detail.xhtml?id=" + id);
      b.waitFor(By.id("request:verify"));
      // meanwhile someone else refuses it
      stack.admin.post(API + "/" + id + "/refuse", "{\"reason\":\"duplicate\"}");
      Reply api =
          stack.admin.post(
              API + "/" + id + "/verify", "{\"method\":\"OPERATOR_CHECK\",\"evidence\":\"card\"}");
      assertEquals(409, api.status(), api::toString);
      b.type(By.id("request:evidence"), "card");
      b.click(By.id("request:verify"));
      b.waitForText(By.id("messages"), api.json().getString("detail"));
      scroll(b, "window.scrollTo(0, 0)");
      b.screenshot("requests-detail-conflict");
      b.assertAccessible("request-conflict");
      assertEquals("REFUSED", request(id).getString("status"));
    }
  }

  @Test
  void anAdminRegistersAPolicyAndNotifiesTheCustomers() {
    String email = uniqueEmail();
    newCustomer(email);
    String version = "v" + UUID.randomUUID().toString().substring(0, 8);
    try (Browser b = stack.signedInAs("ADMIN")) {
      b.go("/compliance/policies.xhtml");
      b.type(By.id("create:version"), version);
      b.type(By.id("create:effectiveOn_input"), "2026-12-01");
      b.type(By.id("create:summaryVi"), "Chúng tôi bổ sung mục đích khảo sát.");
      b.type(By.id("create:summaryEn"), "We add the survey purpose.");
      b.click(By.id("create:submit"));
      By row = By.xpath("//tr[.//strong[@class='policy-version' and text()='" + version + "']]");
      b.waitFor(row);
      assertEquals(
          "2026-12-01",
          stack.admin.get("/api/v1/policies/" + version).json().getString("effectiveOn"));

      b.click(
          By.xpath(
              "//tr[.//strong[text()='"
                  + version
                  + "']]//button[contains(@class,'notify-policy')]"));
      b.click(By.id("confirm:confirm-yes"));
      b.settle();
      long execution =
          stack
              .admin
              .get("/api/v1/policies/" + version)
              .json()
              .getJsonNumber("notifiedExecutionId")
              .longValue();
      System.out.println("DIAG " + stack.admin.get("/api/v1/jobs/executions/" + execution).body());
      b.waitForText(row, "COMPLETED", JOB);
      b.screenshot("policies");
      b.assertAccessible("policies");
      // policy-notice tells every live customer once
      MimeMessage notice = ReceivedMail.awaitTo(stack.smtp, email, 1).get(0);
      assertTrue(ReceivedMail.part(notice, "text/plain").contains(version));
      assertTrue(
          stack.admin.get("/api/v1/policies/" + version).json().getJsonNumber("notifiedExecutionId")
              != null);
    }
  }

  @Test
  void anAdminRecordsAnIncidentCompletesItsReportAndNotifiesThePeopleAffected() {
    String email = uniqueEmail();
    String customer = newCustomer(email);
    try (Browser b = stack.signedInAs("ADMIN")) {
      b.go("/compliance/incidents.xhtml");
      b.type(
          By.id("record:detectedAt_input"), PICKER.format(LocalDateTime.now(ZONE).minusHours(2)));
      b.type(By.id("record:description"), "A laptop with a customer list was stolen.");
      b.click(By.cssSelector("label[for='record:dataCategories:0']"));
      b.click(By.cssSelector("label[for='record:dataCategories:1']"));
      b.type(By.id("record:customerIds"), customer);
      b.screenshot("incidents");
      b.click(By.id("record:submit"));
      b.waitFor(By.id("missing"));
      String id = URI.create(b.driver().getCurrentUrl()).getQuery().replace("id=", "");
      JsonObject report = stack.admin.get("/api/v1/incidents/" + id + "/authority-report").json();
      String missing = b.text(By.id("missing"));
      for (var field : report.getJsonArray("missing").getValuesAs(JsonString.class)) {
        assertTrue(missing.contains(field.getString()), missing);
      }
      assertTrue(missing.contains("nature"), missing);
      assertEquals("1", b.text(By.id("people")));
      assertEquals("2", b.text(By.id("records")));
      b.screenshot("incident");
      b.assertAccessible("incident");
      scroll(b, "document.getElementById('report').scrollIntoView()");
      b.screenshot("incident-report");

      b.type(By.id("incident:nature"), "Theft of an unencrypted device.");
      b.click(By.id("incident:save"));
      b.settle();
      b.waitFor(By.id("missing"));
      assertFalse(b.text(By.id("missing")).contains("nature"), b.text(By.id("missing")));
      assertEquals(
          "Theft of an unencrypted device.",
          stack.admin.get("/api/v1/incidents/" + id).json().getString("nature"));

      b.click(By.id("incident:notify"));
      b.click(By.id("confirm:confirm-yes"));
      b.waitForText(By.id("incident:notice"), "COMPLETED", JOB);
      b.screenshot("incident-notified");
      b.assertAccessible("incident-notified");
      MimeMessage notice = ReceivedMail.awaitTo(stack.smtp, email, 1).get(0);
      assertTrue(
          ReceivedMail.part(notice, "text/plain").contains("Theft of an unencrypted device."),
          "the breach notice says what happened");
    }
  }

  @Test
  void marketingIsRefusedTheQueueAndTheRegister() {
    try (Browser b = stack.signedInAs("MARKETING")) {
      for (String page : List.of("/requests/list.xhtml", "/compliance/incidents.xhtml")) {
        b.go(page);
        assertTrue(b.text(By.id("error-text")).contains("Your roles do not open this page"), page);
        assertFalse(b.pageSource().contains("queue-form"), page);
      }
      b.screenshot("requests-forbidden-marketing");
      b.assertAccessible("requests-forbidden");
    }
  }

  // ---- helpers

  private static void register(Browser b, String customer, String type, String receivedAt) {
    b.type(By.id("register:customerId"), customer);
    ((JavascriptExecutor) b.driver())
        .executeScript(
            "document.getElementById('register:type_input').value = arguments[0];", type);
    if (receivedAt != null) {
      b.type(By.id("register:receivedAt_input"), receivedAt);
    }
    b.click(By.id("register:submit"));
    b.settle();
    b.waitFor(By.cssSelector("#messages .ui-messages-info"));
  }

  private static void scroll(Browser b, String script) {
    ((JavascriptExecutor) b.driver()).executeScript(script);
  }

  private static String only(String customer) {
    var items = stack.admin.get(API + "?customerId=" + customer).items();
    assertEquals(1, items.size(), items::toString);
    return items.getJsonObject(0).getString("id");
  }

  private static JsonObject request(String id) {
    return stack.admin.get(API + "/" + id).json();
  }

  private static String yes(Browser b) {
    return "vi".equals(b.driver().findElement(By.tagName("html")).getAttribute("lang"))
        ? "Có"
        : "Yes";
  }

  private static String newCustomer(String email) {
    Reply created =
        stack.admin.post(
            "/api/v1/customers",
            "{\"fullName\":\"Nguyễn Văn An\",\"email\":\"%s\"}".formatted(email));
    assertEquals(201, created.status(), created::toString);
    return created.json().getString("id");
  }

  private static String uniqueEmail() {
    return "p-" + UUID.randomUUID().toString().substring(0, 8) + "@example.vn";
  }
}
