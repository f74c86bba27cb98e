package app.custodian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.testing.Api;
import app.custodian.testing.Api.Reply;
import app.custodian.testing.Browser;
import app.custodian.testing.CustodianProcess;
import app.custodian.testing.Outbox;
import app.custodian.testing.ReceivedMail;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** The packaged application with no settings at all, as a new user first runs it. */
class CustodianOnEmbeddedDefaultsIT {

  private static final Pattern GENERATED_PASSWORD =
      Pattern.compile("admin with the generated password (\\S+)");

  @TempDir Path workDir;

  @Test
  void refusesToJoinAClusterOnItsEmbeddedDatabase() {
    CustodianProcess clustered =
        new CustodianProcess(
            workDir, Map.of("CUSTODIAN_CLUSTER_MEMBERS", "127.0.0.1:16981,127.0.0.1:16982"));

    assertEquals(2, clustered.runUntilExit(Duration.ofSeconds(60)), clustered.log());
    assertTrue(
        clustered.log().contains("CUSTODIAN_CLUSTER_MEMBERS needs CUSTODIAN_DB_URL"),
        clustered.log());
  }

  @Test
  void runsWithNoSettingsAndKeepsItsDataAcrossRestarts() throws Exception {
    CustodianProcess first = new CustodianProcess(workDir, Map.of()).start();
    String customerId;
    String password;
    try {
      Matcher m = GENERATED_PASSWORD.matcher(first.log());
      assertTrue(m.find(), "the generated admin password is printed once");
      password = mustChangeTheGeneratedPassword(first, m.group(1));
      assertTrue(
          first.log().contains("CUSTODIAN_PII_KEY is not set"), "a missing key is warned about");
      assertTrue(first.log().contains("CUSTODIAN_AUDIT_KEY is not set"), "so is the audit key");
      Api admin = first.api("admin", password);
      Reply created =
          admin.post(
              "/api/v1/customers",
              "{\"fullName\":\"Ngô Bảo Châu\",\"email\":\"chau@example.vn\",\"phone\":\"0912000111\"}");
      assertEquals(201, created.status(), created::toString);
      customerId = created.json().getString("id");
      grantThenUnsubscribeThroughTheOutbox(admin, customerId);
      erasureTakesThePersonsMessagesOutOfTheOutbox(admin);
      importsOnTheEmbeddedDatabase(admin);
    } finally {
      first.stop();
    }
    assertTrue(Files.exists(workDir.resolve("data/db/custodian.mv.db")), "H2 file under ./data");
    assertTrue(Files.exists(workDir.resolve("data/keys/pii.key")), "generated key kept in ./data");
    assertTrue(Files.exists(workDir.resolve("data/keys/audit.key")), "the audit key too");

    CustodianProcess second = new CustodianProcess(workDir, Map.of()).start();
    try {
      assertEquals(1, countMatches(GENERATED_PASSWORD, second.log()), "admin is created only once");
      Reply read = second.api("admin", password).get("/api/v1/customers/" + customerId);
      assertEquals(200, read.status(), read::toString);
      assertEquals("Ngô Bảo Châu", read.json().getString("fullName"));
      assertEquals("+84912000111", read.json().getString("phone"));
      assertTrue(second.api(null, null).get("/api/v1/audit/verify").status() == 401);
      JsonObject verification = second.api("admin", password).get("/api/v1/audit/verify").json();
      assertTrue(verification.getBoolean("valid"), verification::toString);
      assertTrue(
          verification.getJsonArray("forged").isEmpty(),
          "entries written before the restart carry MACs under the kept audit key");
      if (Browser.installed()) {
        walkThePortal(second, password);
      } else {
        System.out.println("The portal walk on H2 needs Debian's chromium and chromium-driver");
      }
    } finally {
      second.stop();
    }
  }

  /**
   * An import on H2, where its rows go in as JDBC batches rather than PostgreSQL's COPY: customers,
   * the grant (SURVEY, so the portal walk's newsletter audience stays one) in the ledger, a
   * repeated address refused; the audit chain, verified after the restart, holds its entries.
   */
  private void importsOnTheEmbeddedDatabase(Api admin) throws Exception {
    String csv =
        "fullName,email,phone,consent.SURVEY,consentSource,consentCollectedAt\n"
            + "Lê Văn Tám,tam@example.vn,0912 000 222,granted,counter,2026-05-01T09:30:00+07:00\n"
            + "Lê Thị Chín,chin@example.vn,,,,\n"
            + "Lê Tám,TAM@example.vn,,,,\n";
    Reply started = admin.postCsv("/api/v1/imports?mode=create", csv);
    assertEquals(202, started.status(), started::toString);
    String path = "/api/v1/imports/" + started.json().getString("importId");
    JsonObject view = admin.get(path).json();
    for (int i = 0; i < 120 && view.getString("status").equals("RUNNING"); i++) {
      Thread.sleep(500);
      view = admin.get(path).json();
    }
    assertEquals("COMPLETED", view.getString("status"), view::toString);
    assertEquals(2, view.getInt("created"), view::toString);
    assertEquals(1, view.getInt("rejected"), view::toString);
    assertEquals(1, view.getInt("consentsRecorded"), view::toString);
    JsonObject tam = admin.get("/api/v1/customers?q=T%C3%A1m").items().getJsonObject(0);
    assertEquals("+84912000222", tam.getString("phone"));
    JsonObject read = admin.get("/api/v1/customers/" + tam.getString("id")).json();
    assertTrue(
        read.getJsonObject("consents").getJsonObject("SURVEY").getBoolean("granted"),
        read::toString);
  }

  /**
   * The generated password only opens the way to choosing another: the API refuses everything else,
   * and the portal shows nothing but the change-password screen until it is changed.
   */
  private String mustChangeTheGeneratedPassword(CustodianProcess custodian, String generated) {
    Api admin = custodian.api("admin", generated);
    Reply refused = admin.get("/api/v1/customers");
    assertEquals(403, refused.status(), refused::toString);
    assertTrue(refused.body().contains("password change required"), refused::toString);
    String chosen = "the password the admin chose";
    if (!Browser.installed()) {
      System.out.println("The forced password change in the portal needs Chromium; via the API");
      Reply changed =
          admin.put(
              "/api/v1/me/password",
              "{\"currentPassword\":\"%s\",\"newPassword\":\"%s\"}".formatted(generated, chosen));
      assertEquals(204, changed.status(), changed::toString);
      return chosen;
    }
    try (Browser b = Browser.open(custodian.baseUri()).signIn("admin", generated)) {
      assertEquals("/account/password.xhtml", b.currentPath());
      b.go("/customers/list.xhtml");
      b.waitFor(By.id("password:newPassword"));
      assertEquals("/account/password.xhtml", b.currentPath(), "every page leads here");
      b.type(By.id("password:currentPassword"), generated);
      b.type(By.id("password:newPassword"), chosen);
      b.type(By.id("password:repeatPassword"), chosen);
      b.click(By.id("password:change"));
      b.waitFor(By.id("password-changed"));
      b.go("/customers/list.xhtml");
      b.waitFor(By.id("search:q"));
      assertEquals("/customers/list.xhtml", b.currentPath());
    }
    assertEquals(401, admin.get("/api/v1/whoami").status(), "the generated password is gone");
    return chosen;
  }

  /** With no SMTP server set, messages land in ./data/outbox, and their links work. */
  private void grantThenUnsubscribeThroughTheOutbox(Api admin, String customerId) throws Exception {
    Reply granted =
        admin.put(
            "/api/v1/customers/" + customerId + "/consents/NEWSLETTER",
            "{\"granted\":true,\"source\":\"signup-form\"}");
    assertEquals(200, granted.status(), granted::toString);

    MimeMessage confirmation = Outbox.waitForMessages(workDir.resolve("data/outbox"), 1).get(0);
    assertEquals("chau@example.vn", confirmation.getAllRecipients()[0].toString());
    Matcher link =
        Pattern.compile("<(http[^>]+/unsubscribe[^>]+)>")
            .matcher(confirmation.getHeader("List-Unsubscribe", ","));
    assertTrue(link.find(), "a one-click link in List-Unsubscribe");
    Reply unsubscribed = admin.as(null, null).postForm(link.group(1), "List-Unsubscribe=One-Click");
    assertEquals(200, unsubscribed.status(), unsubscribed::toString);

    Reply consents = admin.get("/api/v1/customers/" + customerId + "/consents");
    assertFalse(
        consents.json().getJsonObject("current").getJsonObject("NEWSLETTER").getBoolean("granted"));
    Outbox.waitForMessages(workDir.resolve("data/outbox"), 2);
  }

  /** An erased person's messages leave the outbox with them; everyone else's stay. */
  private void erasureTakesThePersonsMessagesOutOfTheOutbox(Api admin) throws Exception {
    Path outbox = workDir.resolve("data/outbox");
    List<Path> others = Outbox.files(outbox);
    assertEquals(2, others.size(), "the first customer's two messages: " + others);
    Reply created =
        admin.post(
            "/api/v1/customers", "{\"fullName\":\"Đỗ Minh Tuấn\",\"email\":\"tuan@example.vn\"}");
    assertEquals(201, created.status(), created::toString);
    String erased = created.json().getString("id");
    Reply granted =
        admin.put(
            "/api/v1/customers/" + erased + "/consents/NEWSLETTER",
            "{\"granted\":true,\"source\":\"signup-form\"}");
    assertEquals(200, granted.status(), granted::toString);
    Outbox.waitForMessages(outbox, 3);
    List<Path> theirs = new ArrayList<>();
    for (Path file : Outbox.files(outbox)) {
      if (ReceivedMail.recipient(Outbox.read(file)).equals("tuan@example.vn")) {
        theirs.add(file);
      }
    }
    assertEquals(1, theirs.size(), "the confirmation of their consent: " + theirs);

    Reply erasure = admin.delete("/api/v1/customers/" + erased);

    assertEquals(204, erasure.status(), erasure::toString);
    assertFalse(Files.exists(theirs.get(0)), "the erased person's message left the outbox");
    assertEquals(others, Outbox.files(outbox), "everyone else's messages stay");
  }

  /**
   * The portal on the embedded database, as a new user first sees it: the admin finds the customer
   * without accents, sends a campaign to the one opted-in customer, runs a retention dry run and
   * checks the audit chain; every other screen opens without an error.
   */
  private void walkThePortal(CustodianProcess custodian, String password) throws Exception {
    Api admin = custodian.api("admin", password);
    Reply optedIn =
        admin.post(
            "/api/v1/customers", "{\"fullName\":\"Lý Thị Mai\",\"email\":\"mai@example.vn\"}");
    assertEquals(201, optedIn.status(), optedIn::toString);
    Reply granted =
        admin.put(
            "/api/v1/customers/" + optedIn.json().getString("id") + "/consents/NEWSLETTER",
            "{\"granted\":true,\"source\":\"signup-form\"}");
    assertEquals(200, granted.status(), granted::toString);

    try (Browser b = Browser.open(custodian.baseUri()).signIn("admin", password)) {
      b.go("/customers/list.xhtml");
      b.type(By.id("search:q"), "ngo bao");
      b.click(By.id("search:go"));
      b.settle();
      b.waitForText(By.id("results:customers"), "chau@example.vn");
      b.click(By.cssSelector("#results\\:customers a.customer-link"));
      b.waitForText(By.id("profile-email"), "chau@example.vn");
      b.screenshot("h2-customer");

      b.go("/campaigns/list.xhtml");
      b.type(By.id("create:name"), "Bản tin H2");
      b.type(By.id("create:subject"), "Tin mới");
      b.type(By.id("create:textBody"), "Chào {{fullName}}. Hủy đăng ký: {{unsubscribeUrl}}");
      b.settle();
      b.click(By.id("create:create-campaign"));
      b.waitFor(By.id("campaign-name"));
      assertEquals("1", b.text(By.id("campaign:audience")), "the one opted-in customer");
      b.click(By.id("campaign:send"));
      b.click(By.id("campaign:confirm-yes"));
      b.waitForText(By.id("status"), "SENT", Duration.ofSeconds(60));
      assertEquals("1", b.text(By.id("stat-sent")));
      b.screenshot("h2-campaign-sent");
      // before: two messages of the first run, then Mai's consent confirmation
      List<String> advertising =
          Outbox.waitForMessages(workDir.resolve("data/outbox"), 4).stream()
              .filter(m -> ReceivedMail.subject(m).equals("[QC] Tin mới"))
              .map(ReceivedMail::recipient)
              .toList();
      assertEquals(List.of("mai@example.vn"), advertising, "the campaign went to the outbox");

      b.go("/jobs/list.xhtml");
      b.click(By.id("jobs:retention-dry-run"));
      b.waitFor(By.id("dry-run-summary"));
      b.screenshot("h2-jobs-dry-run");

      b.go("/audit/trail.xhtml");
      b.click(By.id("chain:verify"));
      b.waitForText(By.id("chain-result"), "Chuỗi nguyên vẹn");

      for (String screen :
          List.of(
              "/requests/list.xhtml",
              "/compliance/policies.xhtml",
              "/compliance/incidents.xhtml",
              "/accounts/list.xhtml")) {
        b.go(screen);
        b.waitFor(By.tagName("h1"));
        assertTrue(b.all(By.id("error-text")).isEmpty(), screen + ": " + b.pageSource());
        assertEquals(screen, b.currentPath());
      }
    }
  }

  private static int countMatches(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
