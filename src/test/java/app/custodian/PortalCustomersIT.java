package app.custodian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.testing.Api.Reply;
import app.custodian.testing.Browser;
import app.custodian.testing.DatabaseSeeds;
import app.custodian.testing.PortalStack;
import app.custodian.testing.Resources;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The customer screens in a real browser, as an operator: create (and be refused a bad email),
 * search without accents, consents, rectification, disclosures, the export and erasure; and that
 * marketing staff see none of it.
 */
class PortalCustomersIT {

  @TempDir static Path dataDir;
  @TempDir static Path downloads;
  static PortalStack stack;

  /** The browser of the running test, closed after it; a failed test's page is kept. */
  static Browser current;

  @RegisterExtension
  static final TestExecutionExceptionHandler PAGE_ON_FAILURE =
      (context, cause) -> {
        if (current != null) {
          current.screenshot("customers-failed-" + context.getRequiredTestMethod().getName());
          Files.writeString(
              Browser.SCREENSHOTS.resolve(
                  "customers-failed-" + context.getRequiredTestMethod().getName() + ".html"),
              current.pageSource());
        }
        throw cause;
      };

  static Browser signedInAs(String role) {
    current = stack.signedInAs(role);
    return current;
  }

  @AfterEach
  void closeBrowser() throws Exception {
    Resources.closeAll(current);
    current = null;
  }

  @BeforeAll
  static void start() {
    stack = PortalStack.start(dataDir, Map.of());
  }

  @AfterAll
  static void stop() throws Exception {
    Resources.closeAll(stack);
  }

  @Test
  void anOperatorCreatesACustomerAfterABadEmailIsRefused() {
    String unique = unique();
    Browser b = signedInAs("OPERATOR");
    b.go("/customers/list.xhtml");
    b.click(By.id("search:new"));
    b.type(By.id("customer:fullName"), "Lê Thị Hoa " + unique);
    b.type(By.id("customer:email"), "hoa-" + unique);
    b.type(By.id("customer:phone"), "0912 345 678");
    b.click(By.id("customer:save"));
    b.settle();
    b.waitForText(By.id("customer"), "must be an email address");
    b.screenshot("customers-edit-error");
    b.assertAccessible("customer-new-refused");
    assertEquals(0, search(unique).getJsonNumber("total").longValue());

    b.type(By.id("customer:email"), "hoa-" + unique + "@example.vn");
    b.click(By.id("customer:save"));
    b.waitFor(By.id("profile-email"));
    assertEquals("/customers/detail.xhtml", b.currentPath());
    b.waitForText(By.id("messages"), "Đã lưu.");
    b.assertAccessible("customer-saved");
    JsonArray found = search("hoa-" + unique + "@example.vn").getJsonArray("items");
    assertEquals(1, found.size());
    assertEquals("+84912345678", found.getJsonObject(0).getString("phone"));
    assertEquals("vi", found.getJsonObject(0).getString("locale"));
  }

  @Test
  void anUnaccentedSearchFindsTheAccentedName() {
    String email = "tim-" + unique() + "@example.vn";
    String id = createCustomer("Nguyễn Văn Tìm", email);
    Browser b = signedInAs("OPERATOR");
    b.go("/customers/list.xhtml");
    b.type(By.id("search:q"), "nguyen van");
    b.click(By.id("search:go"));
    b.settle();
    b.waitForText(By.id("results:customers"), email);
    b.screenshot("customers-list");
    b.assertAccessible("customers-found");
    b.click(By.xpath("//tr[td[normalize-space()='" + email + "']]//a[@class='customer-link']"));
    b.waitForText(By.id("profile-email"), email);
    assertTrue(b.driver().getCurrentUrl().endsWith("id=" + id), b.driver().getCurrentUrl());
  }

  @Test
  void anOperatorLooksAfterACustomerRecordAndErasesIt() throws Exception {
    String email = "an-" + unique() + "@example.vn";
    String id = createCustomer("Trần Văn An", email);
    Browser b = signedInAs("OPERATOR");
    b.go("/customers/detail.xhtml?id=" + id);
    b.waitForText(By.id("profile-email"), email);
    assertTrue(audited(id, "CUSTOMER_READ"), "the detail is a read of the record");
    b.assertAccessible("customer-profile");

    openTab(b, "consents");
    b.type(By.id("consents:evidence"), "phiếu đăng ký số 7");
    b.click(By.cssSelector(".grant-NEWSLETTER"));
    b.settle();
    b.waitFor(By.cssSelector(".withdraw-NEWSLETTER"));
    JsonObject consents = stack.admin.get("/api/v1/customers/" + id + "/consents").json();
    assertTrue(consents.getJsonObject("current").getJsonObject("NEWSLETTER").getBoolean("granted"));
    JsonObject event = consents.getJsonArray("history").getJsonObject(0);
    assertEquals("portal", event.getString("source"));
    assertEquals("operator", event.getString("actor"));
    assertEquals("phiếu đăng ký số 7", event.getString("evidence"));
    b.driver().manage().window().setSize(new Dimension(1366, 2600));
    ((ChromeDriver) b.driver()).executeScript("window.scrollTo(0, 0)");
    b.screenshot("customers-detail");
    b.driver().manage().window().setSize(new Dimension(1366, 900));
    b.assertAccessible("customer-consent-granted");

    openTab(b, "profile");
    b.click(By.id("profile:edit"));
    b.waitFor(By.id("customer:jobTitle"));
    b.assertAccessible("customer-edit");
    b.type(By.id("customer:jobTitle"), "Kỹ sư phần mềm");
    b.click(By.id("customer:save"));
    b.waitForText(By.id("profile-jobTitle"), "Kỹ sư phần mềm");
    JsonObject rectified = stack.admin.get("/api/v1/customers/" + id).json();
    assertEquals("Kỹ sư phần mềm", rectified.getString("jobTitle"));
    assertEquals(email, rectified.getString("email"));
    assertTrue(audited(id, "CUSTOMER_RECTIFIED"));

    openTab(b, "disclosures");
    recordSharingDisclosure(b);
    b.waitForText(By.id("messages"), "THIRD_PARTY_SHARING");
    assertEquals(0, disclosures(id).size(), "refused without the sharing consent");
    b.assertAccessible("customer-disclosure-refused");
    openTab(b, "consents");
    b.click(By.cssSelector(".grant-THIRD_PARTY_SHARING"));
    b.settle();
    b.waitFor(By.cssSelector(".withdraw-THIRD_PARTY_SHARING"));
    openTab(b, "disclosures");
    recordSharingDisclosure(b);
    b.waitForText(By.id("disclosures:log"), "Công ty Đối Tác");
    b.assertAccessible("customer-disclosure-recorded");
    JsonArray disclosures = disclosures(id);
    assertEquals(1, disclosures.size());
    assertEquals("CONSENT", disclosures.getJsonObject(0).getString("legalBasis"));
    assertEquals(
        "[\"FULL_NAME\",\"EMAIL\"]", disclosures.getJsonObject(0).get("dataCategories").toString());

    openTab(b, "contracts");
    b.type(By.id("contracts:reference"), "HĐ-2026-77");
    b.type(By.id("contracts:service"), "Bảo hiểm xe");
    b.click(By.id("contracts:create"));
    b.settle();
    b.waitForText(By.id("contracts"), "must not be null");
    b.assertAccessible("customer-contract-refused");
    assertEquals(0, stack.admin.get("/api/v1/customers/" + id + "/contracts").array().size());
    setDate(b, "contracts:startsOn_input", "01/01/2026");
    setDate(b, "contracts:endsOn_input", "31/12/2026");
    b.click(By.id("contracts:create"));
    b.settle();
    b.waitForText(By.id("contracts:list"), "HĐ-2026-77");
    JsonArray contracts = stack.admin.get("/api/v1/customers/" + id + "/contracts").array();
    assertEquals("2026-12-31", contracts.getJsonObject(0).getString("endsOn"));

    openTab(b, "profile");
    JsonObject export = download(b, "customer-" + id + ".json");
    assertEquals(email, export.getJsonObject("profile").getString("email"));
    assertEquals(2, export.getJsonArray("consentHistory").size());
    assertEquals(1, export.getJsonArray("disclosures").size());
    assertEquals(1, export.getJsonArray("contracts").size());
    assertTrue(audited(id, "CUSTOMER_EXPORTED"));

    b.click(By.id("profile:erase"));
    b.waitForText(By.cssSelector(".ui-confirm-dialog"), "danh sách chặn gửi");
    b.click(By.id("confirm-yes"));
    b.waitForText(By.id("messages"), "Đã xóa dữ liệu của khách hàng.");
    b.assertAccessible("customers-erased");
    assertEquals("/customers/list.xhtml", b.currentPath());
    assertEquals(404, stack.admin.get("/api/v1/customers/" + id).status());
  }

  @Test
  void anAdminPlacesALegalHoldThatRefusesErasure() {
    String id = createCustomer("Phạm Thị Giữ", "giu-" + unique() + "@example.vn");
    Browser b = signedInAs("ADMIN");
    b.go("/customers/detail.xhtml?id=" + id);
    b.type(By.id("hold:reason"), "Vụ kiện 12/2026");
    b.click(By.id("hold:place-hold"));
    b.settle();
    b.waitForText(By.id("hold-state"), "Vụ kiện 12/2026");
    assertTrue(stack.admin.get("/api/v1/customers/" + id).json().getBoolean("legalHold"));
    b.assertAccessible("customer-held");

    b.click(By.id("profile:erase"));
    b.click(By.id("confirm-yes"));
    b.settle();
    b.waitForText(By.id("messages"), "Vụ kiện 12/2026");
    assertEquals(200, stack.admin.get("/api/v1/customers/" + id).status());

    b.click(By.id("hold:release-hold"));
    b.click(By.id("confirm-yes"));
    b.settle();
    b.waitFor(By.id("hold:reason"));
    assertFalse(stack.admin.get("/api/v1/customers/" + id).json().getBoolean("legalHold"));
  }

  @Test
  void marketingStaffGetTheForbiddenPageAndNoPersonalData() {
    String email = "kin-" + unique() + "@example.vn";
    String id = createCustomer("Đỗ Bí Mật", email);
    Browser b = signedInAs("MARKETING");
    for (String page : new String[] {"/customers/list.xhtml", "/customers/detail.xhtml?id=" + id}) {
      b.go(page);
      b.waitFor(By.id("error-text"));
      String source = b.pageSource();
      assertTrue(source.contains("403"), source);
      assertFalse(source.contains(email) || source.contains("Bí Mật"), source);
    }
    b.screenshot("customers-forbidden-marketing");
    b.assertAccessible("customers-forbidden");
  }

  /**
   * Issue 19: the customer's page shows one section at a time in tabs, each with its count; a
   * click, the arrow keys or, without JavaScript, the tab's link switch them, and the counts follow
   * what is done on the page.
   */
  @Test
  void theCustomerPageGroupsItsSectionsInTabsWithTheirCounts() throws Exception {
    String email = "the-" + unique() + "@example.vn";
    String id = createCustomer("Vũ Thị Thẻ", email);
    for (String purpose : List.of("NEWSLETTER", "SURVEY")) {
      assertEquals(
          200,
          stack
              .admin
              .put(
                  "/api/v1/customers/" + id + "/consents/" + purpose,
                  "{\"granted\":true,\"source\":\"web-form\"}")
              .status());
    }
    assertEquals(
        201,
        stack
            .admin
            .post(
                "/api/v1/customers/" + id + "/contracts",
                "{\"reference\":\"HĐ-THẺ-1\",\"service\":\"Internet\","
                    + "\"startsOn\":\"2026-01-01\",\"endsOn\":\"2027-12-31\"}")
            .status());
    try (Connection db = stack.postgres.connect(stack.databaseUrl)) {
      DatabaseSeeds seeds = new DatabaseSeeds(db, null, null);
      for (int notice = 1; notice <= 4; notice++) {
        seeds.noticeDelivery("POLICY", "v-tab-" + notice, id, 0, "SENT");
      }
    }
    for (String recipient : List.of("Công an quận 1", "Công an quận 3", "Công an quận 5")) {
      assertEquals(
          201,
          stack
              .admin
              .post(
                  "/api/v1/customers/" + id + "/disclosures",
                  ("{\"recipient\":\"%s\",\"legalBasis\":\"LAW_ENFORCEMENT\","
                          + "\"dataCategories\":[\"FULL_NAME\"],\"reference\":\"CV-1\"}")
                      .formatted(recipient))
              .status());
    }
    for (String type : List.of("ACCESS", "RECTIFICATION", "OBJECTION", "RESTRICTION", "ERASURE")) {
      Reply request =
          stack.admin.post(
              "/api/v1/privacy-requests",
              "{\"customerId\":\"%s\",\"type\":\"%s\"}".formatted(id, type));
      assertEquals(201, request.status(), request::toString);
    }
    Map<String, String> counts =
        Map.of(
            "consents",
            "2",
            "contracts",
            "1",
            "messages",
            "4",
            "disclosures",
            "3",
            "requests",
            "5");

    Browser b = signedInAs("OPERATOR");
    b.go("/customers/detail.xhtml?id=" + id);
    b.waitForText(By.id("profile-email"), email);
    assertEquals(
        TABS.stream().map(t -> "tab-" + t).toList(),
        b.all(By.cssSelector("[role=tablist] [role=tab]")).stream()
            .map(tab -> tab.getAttribute("id"))
            .toList());
    counts.forEach((tab, count) -> assertEquals(count, b.text(By.id("count-" + tab)), tab));
    assertEquals(
        "Sự đồng ý 2", b.text(By.id("tab-consents")), "the label and the count, in Vietnamese");
    assertShown(b, "profile");

    openTab(b, "consents");
    assertTrue(b.driver().getCurrentUrl().endsWith("tab=consents"), "the address follows");
    assertEquals(2, b.all(By.cssSelector("#panel-consents [class*='withdraw-']")).size());
    openTab(b, "contracts");
    b.waitForText(By.id("contracts:list"), "HĐ-THẺ-1");
    openTab(b, "messages");
    assertEquals(4, b.all(By.cssSelector("#notices-sent_data > tr")).size());
    b.waitForText(By.id("notices-sent"), "v-tab-4");
    openTab(b, "disclosures");
    b.waitForText(By.id("disclosures:log"), "Công an quận 5");
    openTab(b, "requests");
    assertEquals(5, b.all(By.cssSelector("#requests-list .open-request")).size());
    b.assertAccessible("customer-requests");
    b.click(By.cssSelector("#requests-list .open-request"));
    b.waitFor(By.id("status"));
    assertEquals("/requests/detail.xhtml", b.currentPath());
    b.driver().navigate().back();
    assertShown(b, "requests");

    // The keyboard moves between the tabs, as the ARIA tabs pattern has it.
    openTab(b, "profile");
    b.driver().findElement(By.id("tab-profile")).sendKeys(Keys.ARROW_RIGHT);
    assertShown(b, "consents");
    assertEquals("tab-consents", b.driver().switchTo().activeElement().getAttribute("id"));
    b.driver().switchTo().activeElement().sendKeys(Keys.END);
    assertShown(b, "requests");
    b.driver().switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
    assertShown(b, "profile");
    b.driver().switchTo().activeElement().sendKeys(Keys.ARROW_LEFT);
    assertShown(b, "requests");

    // The counts follow what is done on the page.
    openTab(b, "consents");
    b.click(By.cssSelector(".withdraw-SURVEY"));
    b.settle();
    b.waitForText(By.id("count-consents"), "1");
    openTab(b, "contracts");
    b.type(By.id("contracts:reference"), "HĐ-THẺ-2");
    b.type(By.id("contracts:service"), "Truyền hình");
    setDate(b, "contracts:startsOn_input", "01/01/2026");
    setDate(b, "contracts:endsOn_input", "31/12/2026");
    b.click(By.id("contracts:create"));
    b.settle();
    b.waitForText(By.id("contracts:list"), "HĐ-THẺ-2");
    assertEquals("2", b.text(By.id("count-contracts")));
    b.assertAccessible("customer-contracts");

    // Without JavaScript, each tab is a link that opens the page on it.
    ((ChromeDriver) b.driver())
        .executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
    b.go("/customers/detail.xhtml?id=" + id + "&tab=disclosures");
    assertShown(b, "disclosures");
    b.click(By.id("tab-messages"));
    b.waitUntil(() -> b.driver().getCurrentUrl().endsWith("tab=messages"));
    assertShown(b, "messages");
    assertEquals("1", b.text(By.id("count-consents")));
  }

  static final List<String> TABS =
      List.of("profile", "consents", "contracts", "messages", "disclosures", "requests");

  /** Opens a tab of the customer's page with a click and waits until its section shows. */
  private static void openTab(Browser b, String tab) {
    b.click(By.id("tab-" + tab));
    assertShown(b, tab);
  }

  /** The tab is the one selected, its section the only one shown. */
  private static void assertShown(Browser b, String tab) {
    b.waitUntil(() -> b.driver().findElement(By.id("panel-" + tab)).isDisplayed());
    for (String each : TABS) {
      boolean selected = each.equals(tab);
      assertEquals(
          String.valueOf(selected),
          b.driver().findElement(By.id("tab-" + each)).getAttribute("aria-selected"),
          each);
      assertEquals(
          selected, b.driver().findElement(By.id("panel-" + each)).isDisplayed(), "panel " + each);
    }
  }

  private static void recordSharingDisclosure(Browser b) {
    b.type(By.id("disclosures:recipient"), "Công ty Đối Tác");
    ((ChromeDriver) b.driver()).executeScript("PF('legalBasisMenu').selectValue('CONSENT')");
    ensureChecked(b, 0);
    ensureChecked(b, 1);
    b.type(By.id("disclosures:reference"), "HĐ-2026-01");
    b.click(By.id("disclosures:record"));
    b.settle();
  }

  /** Fills a date picker's field as typing would, without its calendar popping up in the way. */
  private static void setDate(Browser b, String inputId, String date) {
    ((ChromeDriver) b.driver())
        .executeScript("document.getElementById(arguments[0]).value = arguments[1]", inputId, date);
  }

  /**
   * Issue 20 in the browser: an operator checks a CSV file with a dry run (the counts and the
   * problems by row and column, nothing written), then imports it; an administrator exports every
   * customer and downloads the file once, in Vietnamese and English.
   */
  @Test
  void anOperatorChecksACsvFileWithADryRunThenImportsItAndAnAdminExports() throws Exception {
    String unique = unique();
    String email = "nhap-" + unique + "@example.vn";
    Path csv = downloads.resolve("import-" + unique + ".csv");
    Files.writeString(
        csv,
        "fullName,email,phone,consent.NEWSLETTER,consentSource,consentCollectedAt\n"
            + "Phạm Nhập "
            + unique
            + ","
            + email
            + ",0912 345 678,granted,quầy Hà Nội,2026-05-01T09:00:00+07:00\n"
            + "Sai Dòng,sai-"
            + unique
            + ",12345,,,\n");
    Browser b = signedInAs("OPERATOR");
    b.go("/customers/list.xhtml");
    b.click(By.id("search:import"));
    b.waitFor(By.id("upload:file"));
    b.assertAccessible("customers-import");
    b.driver().findElement(By.id("upload:file")).sendKeys(csv.toAbsolutePath().toString());
    b.click(By.id("upload:dryRun"));
    b.waitForText(By.id("status"), "Hoàn tất", Duration.ofSeconds(60));
    assertEquals("1", b.text(By.id("created")));
    assertEquals("1", b.text(By.id("rejected")));
    assertEquals("1", b.text(By.id("consentsRecorded")));
    String errors = b.text(By.id("progress:errors"));
    assertTrue(
        errors.contains("3") && errors.contains("email") && errors.contains("phone"), errors);
    assertFalse(errors.contains("12345") || errors.contains("sai-"), "never a value: " + errors);
    b.screenshot("customers-import-dry-run");
    b.assertAccessible("customers-import-dry-run");
    assertEquals(0, search(email).getJsonNumber("total").longValue(), "a dry run writes nothing");

    b.driver().findElement(By.id("upload:file")).sendKeys(csv.toAbsolutePath().toString());
    b.click(By.id("upload:import"));
    b.waitForText(By.id("status"), "Hoàn tất", Duration.ofSeconds(60));
    assertEquals("1", b.text(By.id("created")));
    JsonArray found = search(email).getJsonArray("items");
    assertEquals(1, found.size());
    assertEquals("+84912345678", found.getJsonObject(0).getString("phone"));
    assertTrue(
        found
            .getJsonObject(0)
            .getJsonObject("consents")
            .getJsonObject("NEWSLETTER")
            .getBoolean("granted"));
    b.go("/customers/list.xhtml");
    assertTrue(b.all(By.id("export:start")).isEmpty(), "exports are for administrators");
    Resources.closeAll(current);

    Browser a = signedInAs("ADMIN");
    a.go("/customers/list.xhtml");
    a.click(By.id("session:lang-en"));
    a.waitFor(By.id("export:start"));
    a.click(By.id("export:start"));
    a.waitForText(By.id("export-status"), "Ready", Duration.ofSeconds(60));
    a.assertAccessible("customers-export-ready-en");
    ((ChromeDriver) a.driver())
        .executeCdpCommand(
            "Browser.setDownloadBehavior",
            Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
    String exportId =
        stack
            .admin
            .get("/api/v1/audit?action=EXPORT_STARTED")
            .items()
            .getJsonObject(0)
            .getString("detail")
            .substring("export ".length());
    a.click(By.id("export:download"));
    Path file = downloads.resolve("customers-" + exportId + ".csv");
    new WebDriverWait(a.driver(), Duration.ofSeconds(20)).until(d -> Files.isRegularFile(file));
    new WebDriverWait(a.driver(), Duration.ofSeconds(20))
        .until(
            d -> {
              try {
                return Files.readString(file).contains(email);
              } catch (java.io.IOException e) {
                return false;
              }
            });
    assertTrue(Files.readString(file).startsWith("fullName,email,"));
    assertEquals(
        410, stack.admin.get("/api/v1/exports/" + exportId + "/file").status(), "downloaded once");
  }

  private static void ensureChecked(Browser b, int index) {
    String id = "disclosures:dataCategories:" + index;
    if (!b.driver().findElement(By.id(id)).isSelected()) {
      b.click(By.cssSelector("label[for='" + id + "']"));
    }
  }

  private static JsonObject download(Browser b, String name) throws Exception {
    ((ChromeDriver) b.driver())
        .executeCdpCommand(
            "Browser.setDownloadBehavior",
            Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
    b.click(By.id("profile:export"));
    Path file = downloads.resolve(name);
    new WebDriverWait(b.driver(), Duration.ofSeconds(20)).until(d -> Files.isRegularFile(file));
    return Json.createReader(new StringReader(Files.readString(file))).readObject();
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

  private static JsonObject search(String q) {
    return stack
        .admin
        .get("/api/v1/customers?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))
        .json();
  }

  private static JsonArray disclosures(String id) {
    return stack.admin.get("/api/v1/customers/" + id + "/disclosures").items();
  }

  private static boolean audited(String customerId, String action) {
    return !stack
        .admin
        .get("/api/v1/audit?customerId=" + customerId + "&action=" + action + "&actor=operator")
        .items()
        .isEmpty();
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
