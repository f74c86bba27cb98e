package app.custodian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.security.control.KeyMaterial;
import app.custodian.testing.Api;
import app.custodian.testing.Api.Reply;
import app.custodian.testing.CustodianProcess;
import app.custodian.testing.DatabaseSeeds;
import app.custodian.testing.Postgres;
import app.custodian.testing.ReceivedMail;
import app.custodian.testing.Resources;
import app.custodian.testing.TestKeys;
import app.custodian.testing.TestSmtp;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Policies, the breach register and their notice jobs end to end: the packaged application on
 * PostgreSQL, sending through GreenMail on Payara Micro's own batch runtime.
 */
class PoliciesAndIncidentsIT {

  static final String ADMIN_PASSWORD = "admin-password-for-tests";
  static final String STAFF_PASSWORD = "staff-password-for-tests";
  static final String PRIVACY_CONTACT = "dpo@custodian.test";
  static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  static final Duration TIMEOUT = Duration.ofSeconds(120);

  /** Enough customers that a notice run is still going when the next request comes. */
  static final int BULK = 300;

  @TempDir static Path dataDir;
  static Postgres postgres;
  static String databaseUrl;
  static GreenMail smtp;
  static CustodianProcess custodian;
  static Api admin;
  static Api operator;
  static Api marketer;
  static List<String> bulk = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    smtp = TestSmtp.start();
    postgres = Postgres.start();
    databaseUrl = postgres.createDatabase();
    var env = postgres.custodianSettings(databaseUrl, dataDir, ADMIN_PASSWORD);
    TestSmtp.sendTo(env, smtp.getSmtp().getPort());
    env.put("CUSTODIAN_MAIL_FROM", "news@custodian.test");
    env.put("CUSTODIAN_COMPANY_NAME", "Công ty Lưu Trữ");
    env.put("CUSTODIAN_COMPANY_ADDRESS", "12 Lý Thường Kiệt, Hà Nội");
    env.put("CUSTODIAN_PRIVACY_CONTACT", PRIVACY_CONTACT);
    env.put("CUSTODIAN_PII_KEY", TestKeys.random());
    env.put("CUSTODIAN_TOKEN_KEY", TestKeys.random());
    custodian = new CustodianProcess(dataDir, env).start();
    admin = custodian.api("admin", ADMIN_PASSWORD);
    operator = admin.newAccount("operator", STAFF_PASSWORD, "OPERATOR");
    marketer = admin.newAccount("marketing", STAFF_PASSWORD, "MARKETING");
    try (Connection db = postgres.connect(databaseUrl)) {
      KeyMaterial keys =
          KeyMaterial.resolve(
              env.get("CUSTODIAN_PII_KEY"),
              env.get("CUSTODIAN_TOKEN_KEY"),
              env.get("CUSTODIAN_INDEX_KEY"),
              dataDir,
              w -> {});
      DatabaseSeeds seeds = new DatabaseSeeds(db, keys.fieldCipher(), keys.blindIndex());
      for (int i = 0; i < BULK; i++) {
        bulk.add(seeds.customer("Khách " + i, "bulk-" + i + "@example.vn", "vi"));
      }
    }
  }

  @AfterAll
  static void stop() throws Exception {
    Resources.closeAll(custodian, postgres, smtp == null ? null : smtp::stop);
  }

  @Test
  void policiesAreRegisteredOnceAndRejectedInputChangesNothing() {
    String version = "v" + UUID.randomUUID().toString().substring(0, 8);
    LocalDate effectiveOn = today().plusDays(30);
    long before = admin.get("/api/v1/policies").json().getInt("total");

    Reply malformed = admin.post("/api/v1/policies", "{\"version\":");
    assertProblem(400, malformed);
    assertProblem(400, admin.post("/api/v1/policies", policyJson(version, effectiveOn, "\"yes\"")));
    Reply empty = admin.post("/api/v1/policies", "{}");
    assertProblem(400, empty);
    assertEquals(
        Set.of("version", "effectiveOn", "summaryVi", "summaryEn"), fields(empty), empty::toString);
    assertEquals(
        Set.of("version"),
        fields(admin.post("/api/v1/policies", policyJson("2026 01", effectiveOn, "false"))));
    assertEquals(
        Set.of("version"),
        fields(admin.post("/api/v1/policies", policyJson("v".repeat(41), effectiveOn, "false"))));
    assertEquals(
        Set.of("effectiveOn"),
        fields(
            admin.post(
                "/api/v1/policies",
                policyJson(version, effectiveOn, "false")
                    .replace(effectiveOn.toString(), "2026-13-01"))));
    assertEquals(before, admin.get("/api/v1/policies").json().getInt("total"), "nothing stored");

    Reply created = admin.post("/api/v1/policies", policyJson(version, effectiveOn, "true"));
    assertEquals(201, created.status(), created::toString);
    assertTrue(
        created.header("Location").endsWith("/api/v1/policies/" + version),
        created.header("Location"));
    JsonObject policy = created.json();
    assertEquals(version, policy.getString("version"));
    assertEquals(effectiveOn.toString(), policy.getString("effectiveOn"));
    assertEquals("Tóm tắt thay đổi.", policy.getString("summaryVi"));
    assertEquals("Summary of the change.", policy.getString("summaryEn"));
    assertTrue(policy.getBoolean("adverse"));
    assertNotNull(policy.getString("createdAt"));
    assertEquals(JsonValue.NULL, policy.get("notifiedExecutionId"));
    String withoutAdverse =
        "{\"version\":\"%s-b\",\"effectiveOn\":\"%s\",\"summaryVi\":\"a\",\"summaryEn\":\"b\"}"
            .formatted(version, effectiveOn.plusDays(1));
    assertFalse(admin.post("/api/v1/policies", withoutAdverse).json().getBoolean("adverse"));

    assertProblem(409, admin.post("/api/v1/policies", policyJson(version, effectiveOn, "false")));
    assertEquals(version, admin.get("/api/v1/policies/" + version).json().getString("version"));
    assertProblem(404, admin.get("/api/v1/policies/no-such-version"));
    assertProblem(404, admin.post("/api/v1/policies/no-such-version/notify", ""));
    JsonObject list = admin.get("/api/v1/policies?size=500").json();
    assertEquals(before + 2, list.getInt("total"));
    List<String> days =
        list.getJsonArray("items").stream()
            .map(v -> v.asJsonObject().getString("effectiveOn"))
            .toList();
    assertEquals(days.stream().sorted((a, b) -> b.compareTo(a)).toList(), days, "newest first");
    assertProblem(400, admin.get("/api/v1/policies?size=0"));
    assertEquals(
        List.of(version + "-b", version),
        list.getJsonArray("items").stream()
            .map(v -> v.asJsonObject().getString("version"))
            .filter(v -> v.startsWith(version))
            .toList());
    assertEquals(
        1,
        admin.get("/api/v1/audit?action=POLICY_CREATED").items().stream()
            .filter(e -> e.asJsonObject().getString("detail").equals("policy " + version))
            .count());

    for (Api notAdmin : List.of(operator, marketer)) {
      assertEquals(403, notAdmin.get("/api/v1/policies").status());
      assertEquals(403, notAdmin.get("/api/v1/policies/" + version).status());
      assertEquals(
          403, notAdmin.post("/api/v1/policies", policyJson("x1", effectiveOn, "false")).status());
      assertEquals(403, notAdmin.post("/api/v1/policies/" + version + "/notify", "").status());
    }
  }

  @Test
  void consentEventsNameThePolicyVersionInForceUnlessOneIsGiven() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    // the only versions any test registers with a day not after today
    assertEquals(
        201,
        admin
            .post("/api/v1/policies", policyJson("old-" + suffix, today().minusDays(400), "false"))
            .status());
    assertEquals(
        201,
        admin.post("/api/v1/policies", policyJson("now-" + suffix, today(), "false")).status());
    assertEquals(
        201,
        admin
            .post("/api/v1/policies", policyJson("next-" + suffix, today().plusDays(5), "false"))
            .status());
    String customer = customer("consent-" + suffix + "@example.vn", "vi");

    Reply unnamed =
        operator.put(
            "/api/v1/customers/" + customer + "/consents/NEWSLETTER",
            "{\"granted\":true,\"source\":\"web-form\"}");
    assertEquals(200, unnamed.status(), unnamed::toString);
    Reply named =
        operator.put(
            "/api/v1/customers/" + customer + "/consents/SURVEY",
            "{\"granted\":true,\"source\":\"call\",\"policyVersion\":\"seen-on-form-7\"}");
    assertEquals(200, named.status(), named::toString);

    JsonArray history =
        operator.get("/api/v1/customers/" + customer + "/consents").json().getJsonArray("history");
    assertEquals(2, history.size(), history::toString);
    for (JsonValue item : history) {
      JsonObject event = item.asJsonObject();
      String expected =
          event.getString("purpose").equals("NEWSLETTER") ? "now-" + suffix : "seen-on-form-7";
      assertEquals(expected, event.getString("policyVersion"), event::toString);
    }
  }

  @Test
  void aPolicyNoticeReachesEveryLiveCustomerOnceAndASecondRunWaitsForTheFirst() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String version = "notice-" + suffix;
    String other = "other-" + suffix;
    assertEquals(
        201,
        admin.post("/api/v1/policies", policyJson(version, today().plusDays(20), "true")).status());
    assertEquals(
        201,
        admin.post("/api/v1/policies", policyJson(other, today().plusDays(21), "false")).status());
    String viEmail = "policy-vi-" + suffix + "@example.vn";
    String enEmail = "policy-en-" + suffix + "@example.com";
    String viCustomer = customer(viEmail, "vi");
    customer(enEmail, "en");
    String erased = customer("policy-gone-" + suffix + "@example.vn", "vi");
    assertEquals(204, operator.delete("/api/v1/customers/" + erased).status());

    Reply started = admin.post("/api/v1/policies/" + version + "/notify", "");
    Reply meanwhile = admin.post("/api/v1/policies/" + other + "/notify", "");
    assertEquals(202, started.status(), started::toString);
    assertProblem(409, meanwhile);
    long execution = started.json().getJsonNumber("executionId").longValue();
    JsonObject run = awaitEnd(execution);

    assertEquals("COMPLETED", run.getString("batchStatus"), run::toString);
    assertEquals("policy-notice", run.getString("jobName"));
    JsonObject report = run.getJsonObject("report");
    assertEquals(version, report.getString("policyVersion"), report::toString);
    long live = operator.get("/api/v1/customers?size=1").json().getJsonNumber("total").longValue();
    assertEquals(live, report.getJsonNumber("sent").longValue(), report::toString);
    assertEquals(0, report.getInt("failed"));
    assertEquals(0, report.getInt("uncertain"));
    assertEquals(0, report.getInt("skipped"));
    assertEquals(
        execution,
        admin
            .get("/api/v1/policies/" + version)
            .json()
            .getJsonNumber("notifiedExecutionId")
            .longValue());
    List<MimeMessage> toVi = messagesTo(viEmail);
    assertEquals(1, toVi.size());
    assertTrue(toVi.get(0).getSubject().contains("phiên bản " + version), toVi.get(0).getSubject());
    assertFalse(toVi.get(0).getSubject().contains("[QC]"));
    assertTrue(ReceivedMail.text(toVi.get(0)).contains("QUAN TRỌNG"));
    assertTrue(ReceivedMail.text(toVi.get(0)).contains(PRIVACY_CONTACT));
    List<MimeMessage> toEn = messagesTo(enEmail);
    assertEquals(1, toEn.size());
    assertTrue(toEn.get(0).getSubject().startsWith("Changes to our privacy policy"));
    assertEquals(
        1,
        messagesTo("bulk-7@example.vn").stream()
            .filter(m -> subject(m).contains("phiên bản " + version))
            .count());

    JsonObject again = awaitEnd(notify("/api/v1/policies/" + version + "/notify"));
    assertEquals("COMPLETED", again.getString("batchStatus"));
    assertEquals(0, again.getJsonObject("report").getInt("sent"), again::toString);
    assertEquals(1, messagesTo(viEmail).size(), "nobody twice");
    assertEquals(1, messagesTo(enEmail).size(), "nobody twice");

    JsonArray notices =
        operator.get("/api/v1/customers/" + viCustomer + "/export").json().getJsonArray("notices");
    assertEquals(1, notices.size(), notices::toString);
    JsonObject notice = notices.getJsonObject(0);
    assertEquals("POLICY", notice.getString("kind"));
    assertEquals(version, notice.getString("reference"));
    assertEquals("SENT", notice.getString("status"));
    assertNotNull(notice.getString("attemptedAt"));
    assertNotNull(notice.getString("sentAt"));
  }

  @Test
  void incidentsAreValidatedAndARejectedOneLeavesNoTrace() {
    String customer = customer("incident-check-" + UUID.randomUUID() + "@example.vn", "vi");
    String erased = customer("incident-gone-" + UUID.randomUUID() + "@example.vn", "vi");
    assertEquals(204, operator.delete("/api/v1/customers/" + erased).status());
    long before = admin.get("/api/v1/incidents").json().getInt("total");
    String detected = Instant.now().minus(Duration.ofHours(3)).toString();

    assertProblem(400, admin.post("/api/v1/incidents", "{\"description\":"));
    assertProblem(
        400,
        admin.post("/api/v1/incidents", "{\"description\":\"x\",\"dataCategories\":\"EMAIL\"}"));
    Reply empty = admin.post("/api/v1/incidents", "{}");
    assertEquals(
        Set.of("detectedAt", "description", "dataCategories"), fields(empty), empty::toString);
    Reply future =
        admin.post(
            "/api/v1/incidents",
            incidentJson(Instant.now().plus(Duration.ofHours(1)).toString(), "[\"EMAIL\"]", "[]"));
    assertEquals(Set.of("detectedAt"), fields(future), future::toString);
    assertEquals(
        Set.of("detectedAt"),
        fields(admin.post("/api/v1/incidents", incidentJson("yesterday", "[\"EMAIL\"]", "[]"))));
    Reply unknownCategory =
        admin.post("/api/v1/incidents", incidentJson(detected, "[\"EMAIL\",\"shoe size\"]", "[]"));
    assertEquals(Set.of("dataCategories[1]"), fields(unknownCategory), unknownCategory::toString);
    assertTrue(
        unknownCategory.body().contains("FULL_NAME, EMAIL, PHONE"), unknownCategory::toString);
    Reply badIds =
        admin.post(
            "/api/v1/incidents",
            incidentJson(
                detected,
                "[\"EMAIL\"]",
                "[\"%s\",\"not-an-id\",\"%s\",\"%s\"]"
                    .formatted(customer, UUID.randomUUID(), erased)));
    assertEquals(
        Set.of("customerIds[1]", "customerIds[2]", "customerIds[3]"),
        fields(badIds),
        badIds::toString);
    assertEquals(before, admin.get("/api/v1/incidents").json().getInt("total"), "nothing stored");

    assertProblem(404, admin.get("/api/v1/incidents/" + UUID.randomUUID()));
    assertProblem(404, admin.get("/api/v1/incidents/not-an-id"));
    assertProblem(404, admin.get("/api/v1/incidents/" + UUID.randomUUID() + "/authority-report"));
    assertProblem(404, admin.post("/api/v1/incidents/" + UUID.randomUUID() + "/notify", ""));
    assertProblem(404, admin.patch("/api/v1/incidents/" + UUID.randomUUID(), "{}"));
    for (Api notAdmin : List.of(operator, marketer)) {
      assertEquals(403, notAdmin.get("/api/v1/incidents").status());
      assertEquals(
          403,
          notAdmin.post("/api/v1/incidents", incidentJson(detected, "[\"EMAIL\"]", "[]")).status());
    }
  }

  @Test
  void anIncidentIsRegisteredReportedToTheAuthorityAndItsPeopleAreToldOnce() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String viEmail = "breach-vi-" + suffix + "@example.vn";
    String enEmail = "breach-en-" + suffix + "@example.com";
    String vi = customer(viEmail, "vi");
    String en = customer(enEmail, "en");
    customer("bystander-" + suffix + "@example.vn", "vi");
    Instant detected = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
    List<String> affected = new ArrayList<>(bulk);
    affected.add(vi);
    affected.add(en);
    affected.add(vi.toUpperCase()); // the same customer, spelled otherwise
    String ids = affected.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(","));

    Reply created =
        admin.post(
            "/api/v1/incidents",
            incidentJson(
                detected.toString(), "[\"email\",\"full name\",\"EMAIL\"]", "[" + ids + "]"));

    assertEquals(201, created.status(), created::toString);
    JsonObject incident = created.json();
    String id = incident.getString("id");
    assertTrue(created.header("Location").endsWith("/api/v1/incidents/" + id));
    assertEquals(detected.toString(), incident.getString("detectedAt"));
    assertEquals(
        detected.plus(Duration.ofHours(72)).toString(), incident.getString("authorityDeadline"));
    assertEquals(List.of("FULL_NAME", "EMAIL"), strings(incident.getJsonArray("dataCategories")));
    assertEquals(BULK + 2, incident.getInt("affectedCustomers"), "duplicates count once");
    assertEquals("Bản sao lưu bị lộ.", incident.getString("description"));
    assertEquals(JsonValue.NULL, incident.get("likelyConsequences"));
    assertEquals(JsonValue.NULL, incident.get("reportedToAuthorityAt"));
    assertEquals(JsonValue.NULL, incident.get("notifiedExecutionId"));
    assertEquals(id, admin.get("/api/v1/incidents/" + id).json().getString("id"));
    assertEquals(
        id, admin.get("/api/v1/incidents?size=1").items().getJsonObject(0).getString("id"));

    JsonObject draft = admin.get("/api/v1/incidents/" + id + "/authority-report").json();
    assertEquals("Decree 13/2023/ND-CP Form 03; GDPR Art. 33(3)", draft.getString("form"));
    assertEquals(
        List.of("nature", "likelyConsequences", "measuresTaken"),
        strings(draft.getJsonArray("missing")));

    Reply rejected =
        admin.patch(
            "/api/v1/incidents/" + id,
            "{\"measuresTaken\":\"x\",\"reportedToAuthorityAt\":\"2020-01-01T00:00:00Z\"}");
    assertEquals(Set.of("reportedToAuthorityAt"), fields(rejected), rejected::toString);
    assertEquals(JsonValue.NULL, admin.get("/api/v1/incidents/" + id).json().get("measuresTaken"));
    assertProblem(400, admin.patch("/api/v1/incidents/" + id, "{\"dataCategories\":[]}"));
    assertProblem(400, admin.patch("/api/v1/incidents/" + id, "[1"));
    Instant reported = detected.plus(Duration.ofHours(1));
    Reply patched =
        admin.patch(
            "/api/v1/incidents/" + id,
            ("{\"nature\":\"Truy cập trái phép\",\"likelyConsequences\":\"Thư lừa đảo\","
                    + "\"measuresTaken\":\"Đã đổi khóa\",\"reportedToAuthorityAt\":\"%s\"}")
                .formatted(reported));
    assertEquals(200, patched.status(), patched::toString);
    assertEquals("Đã đổi khóa", patched.json().getString("measuresTaken"));
    assertEquals(reported.toString(), patched.json().getString("reportedToAuthorityAt"));

    JsonObject report = admin.get("/api/v1/incidents/" + id + "/authority-report").json();
    JsonObject controller = report.getJsonObject("controller");
    assertEquals("Công ty Lưu Trữ", controller.getString("name"));
    assertEquals("12 Lý Thường Kiệt, Hà Nội", controller.getString("address"));
    assertEquals(PRIVACY_CONTACT, controller.getString("contactPoint"));
    assertEquals(PRIVACY_CONTACT, report.getString("contactPoint"));
    JsonObject part = report.getJsonObject("incident");
    assertEquals(id, part.getString("id"));
    assertEquals(detected.toString(), part.getString("detectedAt"));
    assertEquals(
        detected.plus(Duration.ofHours(72)).toString(), part.getString("authorityDeadline"));
    assertEquals(reported.toString(), part.getString("reportedAt"));
    assertFalse(part.getBoolean("late"));
    assertEquals("Truy cập trái phép", report.getString("nature"));
    assertEquals(List.of("FULL_NAME", "EMAIL"), strings(report.getJsonArray("dataCategories")));
    assertEquals(BULK + 2, report.getInt("approximatePeopleAffected"));
    assertEquals(2 * (BULK + 2), report.getInt("approximateRecordsAffected"));
    assertEquals("Thư lừa đảo", report.getString("likelyConsequences"));
    assertEquals("Đã đổi khóa", report.getString("measuresTaken"));
    assertEquals(List.of(), strings(report.getJsonArray("missing")));
    assertNotNull(report.getString("generatedAt"));

    Reply started = admin.post("/api/v1/incidents/" + id + "/notify", "");
    Reply meanwhile = admin.post("/api/v1/incidents/" + id + "/notify", "");
    assertEquals(202, started.status(), started::toString);
    assertProblem(409, meanwhile);
    long execution = started.json().getJsonNumber("executionId").longValue();
    JsonObject run = awaitEnd(execution);

    assertEquals("COMPLETED", run.getString("batchStatus"), run::toString);
    assertEquals("breach-notice", run.getString("jobName"));
    JsonObject counts = run.getJsonObject("report");
    assertEquals(id, counts.getString("incidentId"));
    assertEquals(BULK + 2, counts.getInt("sent"), counts::toString);
    assertEquals(0, counts.getInt("skipped"));
    assertEquals(
        execution,
        admin
            .get("/api/v1/incidents/" + id)
            .json()
            .getJsonNumber("notifiedExecutionId")
            .longValue());
    List<MimeMessage> toVi =
        messagesTo(viEmail).stream().filter(PoliciesAndIncidentsIT::breach).toList();
    assertEquals(1, toVi.size());
    assertEquals(
        "Thông báo sự cố liên quan đến dữ liệu cá nhân của Quý khách", toVi.get(0).getSubject());
    String viText = ReceivedMail.text(toVi.get(0));
    assertTrue(viText.contains("Bản sao lưu bị lộ."), viText);
    assertTrue(viText.contains("- Họ và tên"), viText);
    assertTrue(viText.contains("Thư lừa đảo"), viText);
    assertTrue(viText.contains("Đã đổi khóa"), viText);
    assertEquals(
        "Notice of an incident affecting your personal data",
        messagesTo(enEmail).stream()
            .filter(PoliciesAndIncidentsIT::breach)
            .findFirst()
            .orElseThrow()
            .getSubject());
    assertEquals(
        0,
        messagesTo("bystander-" + suffix + "@example.vn").stream()
            .filter(PoliciesAndIncidentsIT::breach)
            .count());

    JsonObject again = awaitEnd(notify("/api/v1/incidents/" + id + "/notify"));
    assertEquals(0, again.getJsonObject("report").getInt("sent"), again::toString);
    assertEquals(1, messagesTo(viEmail).stream().filter(PoliciesAndIncidentsIT::breach).count());

    JsonArray notices =
        operator.get("/api/v1/customers/" + en + "/export").json().getJsonArray("notices");
    assertTrue(
        notices.stream()
            .map(JsonValue::asJsonObject)
            .anyMatch(
                n ->
                    n.getString("kind").equals("INCIDENT")
                        && n.getString("reference").equals(id)
                        && n.getString("status").equals("SENT")),
        notices::toString);
    assertEquals(
        1,
        admin.get("/api/v1/audit?action=EMAIL_SENT&customerId=" + en).items().stream()
            .filter(e -> e.asJsonObject().getString("detail").startsWith("breach notice " + id))
            .count());
    assertEquals(
        1,
        admin.get("/api/v1/audit?action=INCIDENT_RECORDED").items().stream()
            .filter(e -> e.asJsonObject().getString("detail").startsWith("incident " + id + ","))
            .count());

    assertEquals(204, operator.delete("/api/v1/customers/" + en).status());
    assertEquals(
        BULK + 2,
        admin
            .get("/api/v1/incidents/" + id + "/authority-report")
            .json()
            .getInt("approximatePeopleAffected"),
        "the count outlives an erasure");
  }

  // --- helpers

  static boolean breach(MimeMessage message) {
    String subject = subject(message);
    return subject.startsWith("Thông báo sự cố") || subject.startsWith("Notice of an incident");
  }

  static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static LocalDate today() {
    return LocalDate.now(ZONE);
  }

  static String policyJson(String version, LocalDate effectiveOn, String adverse) {
    return ("{\"version\":\"%s\",\"effectiveOn\":\"%s\",\"summaryVi\":\"Tóm tắt thay đổi.\","
            + "\"summaryEn\":\"Summary of the change.\",\"adverse\":%s}")
        .formatted(version, effectiveOn, adverse);
  }

  static String incidentJson(String detectedAt, String categories, String customerIds) {
    return ("{\"detectedAt\":\"%s\",\"description\":\"Bản sao lưu bị lộ.\","
            + "\"dataCategories\":%s,\"customerIds\":%s}")
        .formatted(detectedAt, categories, customerIds);
  }

  static String customer(String email, String locale) {
    Reply created =
        operator.post(
            "/api/v1/customers",
            "{\"fullName\":\"Phạm Thu Hà\",\"email\":\"%s\",\"locale\":\"%s\"}"
                .formatted(email, locale));
    assertEquals(201, created.status(), created::toString);
    return created.json().getString("id");
  }

  static long notify(String path) {
    Reply started = admin.post(path, "");
    assertEquals(202, started.status(), started::toString);
    return started.json().getJsonNumber("executionId").longValue();
  }

  static JsonObject awaitEnd(long execution) throws InterruptedException {
    Instant deadline = Instant.now().plus(TIMEOUT);
    JsonObject view;
    do {
      view = admin.get("/api/v1/jobs/executions/" + execution).json();
      if (!Set.of("STARTING", "STARTED", "STOPPING").contains(view.getString("batchStatus"))) {
        return view;
      }
      Thread.sleep(100);
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError("The job did not end in time: " + view);
  }

  static List<MimeMessage> messagesTo(String address) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> ReceivedMail.recipient(m).equals(address))
        .toList();
  }

  static List<String> strings(JsonArray array) {
    return array.getValuesAs(jakarta.json.JsonString.class).stream()
        .map(jakarta.json.JsonString::getString)
        .toList();
  }

  static Set<String> fields(Reply reply) {
    assertProblem(400, reply);
    return reply.json().getJsonArray("errors").stream()
        .map(e -> e.asJsonObject().getString("field"))
        .collect(Collectors.toSet());
  }

  static void assertProblem(int status, Reply reply) {
    assertEquals(status, reply.status(), reply::toString);
    assertEquals("application/problem+json", reply.header("Content-Type"), reply::toString);
  }
}
