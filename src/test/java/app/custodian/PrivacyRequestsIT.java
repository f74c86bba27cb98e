package app.custodian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.testing.Api;
import app.custodian.testing.Api.Reply;
import app.custodian.testing.CustodianProcess;
import app.custodian.testing.Postgres;
import app.custodian.testing.Queries;
import app.custodian.testing.ReceivedMail;
import app.custodian.testing.Resources;
import app.custodian.testing.TestSmtp;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Privacy requests end to end: the packaged application on PostgreSQL, the person's emails through
 * a real SMTP server (GreenMail), the staff API and the public {@code /privacy} form.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrivacyRequestsIT {

  static final String ADMIN_PASSWORD = "admin-password-for-tests";
  static final String STAFF_PASSWORD = "staff-password-for-tests";
  static final String API = "/api/v1/privacy-requests";
  static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  static final Pattern CODE = Pattern.compile("(?:code|tôi): (\\d{6})");
  static final int PER_ADDRESS = 3;
  static final int PER_CLIENT = 40;
  static final String STANDARD_REFUSAL_EN =
      "The law requires us to keep your personal data for the time being, so we cannot carry out"
          + " this request now.";
  static final Pattern LINK = Pattern.compile("(http\\S+/privacy/verify\\?t=[A-Za-z0-9_-]+)");

  @TempDir static Path dataDir;
  static Postgres postgres;
  static String databaseUrl;
  static GreenMail smtp;
  static CustodianProcess custodian;
  static Api admin;
  static Api operator;
  static Api marketing;
  static Api anonymous;

  @BeforeAll
  static void start() {
    smtp = TestSmtp.start();
    postgres = Postgres.start();
    databaseUrl = postgres.createDatabase();
    Map<String, String> env = postgres.custodianSettings(databaseUrl, dataDir, ADMIN_PASSWORD);
    TestSmtp.sendTo(env, smtp.getSmtp().getPort());
    env.put("CUSTODIAN_MAIL_FROM", "privacy@custodian.test");
    env.put("CUSTODIAN_COMPANY_ADDRESS", "12 Lý Thường Kiệt, Hà Nội");
    env.put("CUSTODIAN_PRIVACY_CONTACT", "dpo@custodian.test");
    env.put("CUSTODIAN_REQUESTS_CODE_ATTEMPTS", "3");
    env.put("CUSTODIAN_PUBLIC_LIMIT_PER_ADDRESS", Integer.toString(PER_ADDRESS));
    env.put("CUSTODIAN_PUBLIC_LIMIT_PER_CLIENT", Integer.toString(PER_CLIENT));
    custodian = new CustodianProcess(dataDir, env).start();
    admin = custodian.api("admin", ADMIN_PASSWORD);
    operator = admin.newAccount("operator", STAFF_PASSWORD, "OPERATOR");
    marketing = admin.newAccount("marketing", STAFF_PASSWORD, "MARKETING");
    anonymous = admin.as(null, null);
  }

  @AfterAll
  static void stop() throws Exception {
    Resources.closeAll(custodian, postgres, smtp == null ? null : smtp::stop);
  }

  // ---- staff API: creation, deadlines and errors

  @Test
  void aRequestIsCreatedWithItsDeadlinesAndEveryBadInputIsRefused() throws Exception {
    String email = uniqueEmail();
    String customer = newCustomer(email, "vi");

    Reply created =
        operator.post(
            API,
            "{\"customerId\":\"%s\",\"type\":\"objection\",\"channel\":\"PHONE\",\"receivedAt\":\"2026-03-02\"}"
                .formatted(customer));
    assertEquals(201, created.status(), created::toString);
    JsonObject request = created.json();
    String id = request.getString("id");
    assertEquals(
        "/api/v1/privacy-requests/" + id,
        java.net.URI.create(created.header("Location")).getPath());
    assertEquals(customer, request.getString("customerId"));
    assertEquals("OBJECTION", request.getString("type"));
    assertEquals("PHONE", request.getString("channel"));
    assertEquals("PENDING_VERIFICATION", request.getString("status"));
    assertEquals("2026-03-04", request.getString("acknowledgeBy"), "Monday + 2 working days");
    assertEquals("2026-03-23", request.getString("dueBy"), "Monday + 15 working days");
    assertFalse(request.getBoolean("extended"));
    assertFalse(request.getBoolean("processorsInvolved"));
    assertEquals(JsonValue.NULL, request.get("verification"));
    assertFalse(request.getBoolean("suspended"));
    assertTrue(request.getBoolean("overdue"), "due in March, open in " + LocalDate.now(ZONE));

    Reply withProcessors =
        operator.post(
            API,
            "{\"customerId\":\"%s\",\"type\":\"RESTRICTION\",\"receivedAt\":\"2026-03-02T03:00:00Z\",\"processorsInvolved\":true}"
                .formatted(customer));
    assertEquals(201, withProcessors.status(), withProcessors::toString);
    assertEquals("2026-03-30", withProcessors.json().getString("dueBy"));
    assertEquals("EMAIL", withProcessors.json().getString("channel"), "the default channel");

    // the acknowledgement, in Vietnamese, with a code, as a service notice
    MimeMessage acknowledgement = mailTo(email, 2).get(0);
    assertFalse(acknowledgement.getSubject().contains("[QC]"));
    String text = part(acknowledgement, "text/plain");
    assertTrue(text.contains("Kính gửi") && text.contains("dpo@custodian.test"), text);
    assertTrue(CODE.matcher(text).find(), text);
    assertTrue(row("select acknowledged_at from privacy_request where id = ?", id).get(0) != null);

    Reply read = operator.get(API + "/" + id);
    assertEquals(200, read.status());
    assertEquals(id, read.json().getString("id"));
    assertTrue(
        audit(customer).contains("PRIVACY_REQUEST_CREATED")
            && audit(customer).contains("PRIVACY_REQUEST_READ"),
        audit(customer).toString());

    long before = count("select count(*) from privacy_request");
    assertInvalid(
        operator.post(API, "{\"customerId\":\"%s\",\"type\":\"DELETE\"}".formatted(customer)),
        "type",
        "ACCESS, RECTIFICATION, ERASURE, WITHDRAW_CONSENT, OBJECTION, RESTRICTION");
    assertInvalid(
        operator.post(API, "{\"customerId\":\"%s\"}".formatted(customer)), "type", "ACCESS");
    assertInvalid(
        operator.post(
            API,
            "{\"customerId\":\"%s\",\"type\":\"ACCESS\",\"channel\":\"FAX\"}".formatted(customer)),
        "channel",
        "IN_PERSON");
    assertInvalid(
        operator.post(
            API,
            "{\"customerId\":\"%s\",\"type\":\"ACCESS\",\"receivedAt\":\"%s\"}"
                .formatted(customer, Instant.now().plus(Duration.ofDays(1)))),
        "receivedAt",
        "future");
    assertInvalid(
        operator.post(
            API,
            "{\"customerId\":\"%s\",\"type\":\"ACCESS\",\"receivedAt\":\"last week\"}"
                .formatted(customer)),
        "receivedAt",
        "ISO-8601");
    assertInvalid(
        operator.post(
            API, "{\"customerId\":\"%s\",\"type\":\"ACCESS\"}".formatted(UUID.randomUUID())),
        "customerId",
        "no customer");
    assertInvalid(
        operator.post(API, "{\"customerId\":\"nope\",\"type\":\"ACCESS\"}"), "customerId", "UUID");
    assertEquals(400, operator.post(API, "{\"customerId\":").status(), "malformed JSON");
    assertInvalid(
        operator.post(
            API,
            "{\"customerId\":\"%s\",\"type\":\"ACCESS\",\"processorsInvolved\":\"maybe\"}"
                .formatted(customer)),
        "processorsInvolved",
        "true or false");
    assertEquals(
        400,
        operator.post(API, "{\"customerId\":\"%s\",\"type\":7}".formatted(customer)).status(),
        "a number for a text");
    assertEquals(before, count("select count(*) from privacy_request"), "nothing was created");

    String unknown = API + "/" + UUID.randomUUID();
    assertProblem(404, operator.get(unknown));
    assertProblem(404, operator.get(API + "/not-an-id"));
    assertProblem(404, operator.post(unknown + "/verify", "{\"code\":\"123456\"}"));
    assertProblem(404, operator.post(unknown + "/refuse", "{\"reason\":\"x\"}"));
    assertProblem(404, operator.post(unknown + "/complete", ""));

    assertEquals(401, anonymous.get(API).status());
    assertEquals(401, admin.as("operator", "wrong").get(API + "/" + id).status());
    assertEquals(403, marketing.get(API + "/" + id).status());
    assertEquals(
        403,
        marketing
            .post(API, "{\"customerId\":\"%s\",\"type\":\"ACCESS\"}".formatted(customer))
            .status());
    assertEquals(200, admin.get(API + "/" + id).status(), "ADMIN may");

    assertInvalid(operator.get(API + "?status=OPEN"), "status", "PENDING_VERIFICATION");
    assertInvalid(operator.get(API + "?overdue=maybe"), "overdue", "true or false");
    assertInvalid(operator.get(API + "?size=0"), "size", "between");
  }

  @Test
  void overdueRequestsAreListedInDueOrderAndCountedInMetrics() throws Exception {
    String customer = newCustomer(uniqueEmail(), "en");
    String later = create(customer, "ACCESS", "2026-02-02").getString("id");
    String earlier = create(customer, "ACCESS", "2026-01-05").getString("id");
    String current = create(customer, "ACCESS", null).getString("id");

    // as api.md writes it: an empty status filters nothing
    JsonObject overdue = operator.get(API + "?status=&overdue=true&customerId=" + customer).json();
    assertEquals(List.of(earlier, later), ids(overdue.getJsonArray("items")));
    assertEquals(2, overdue.getInt("total"));
    assertTrue(overdue.getJsonArray("items").getJsonObject(0).getBoolean("overdue"));
    assertEquals(
        List.of(current),
        ids(
            operator
                .get(API + "?overdue=false&customerId=" + customer)
                .json()
                .getJsonArray("items")));
    assertEquals(
        3,
        operator
            .get(API + "?status=PENDING_VERIFICATION&customerId=" + customer)
            .json()
            .getInt("total"));
    assertEquals(
        0, operator.get(API + "?status=COMPLETED&customerId=" + customer).json().getInt("total"));
    JsonObject page = operator.get(API + "?customerId=" + customer + "&size=1&page=1").json();
    assertEquals(List.of(later), ids(page.getJsonArray("items")));
    assertEquals(3, page.getInt("total"));

    long overdueInDb =
        count(
            "select count(*) from privacy_request where status in ('PENDING_VERIFICATION','VERIFIED')"
                + " and due_by < ?",
            LocalDate.now(ZONE));
    assertTrue(overdueInDb >= 2);
    String metrics = admin.get("/metrics").body();
    assertEquals(overdueInDb, gauge(metrics, "custodian_privacy_requests_overdue"), metrics);
    assertTrue(gauge(metrics, "custodian_privacy_requests_open") >= overdueInDb + 1);

    assertEquals(
        200, operator.post(API + "/" + earlier + "/refuse", "{\"reason\":\"duplicate\"}").status());
    assertEquals(
        overdueInDb - 1,
        gauge(admin.get("/metrics").body(), "custodian_privacy_requests_overdue"),
        "a refused request is not overdue any more");
  }

  // ---- verification

  @Test
  void theCodeSentToTheAddressOnFileVerifiesAndWrongCodesAreCountedUntilTheLimit()
      throws Exception {
    String email = uniqueEmail();
    String customer = newCustomer(email, "en");
    String id = create(customer, "ACCESS", null).getString("id");
    String code = code(mailTo(email, 1).get(0));
    // the hash commits with the sending transaction, just after the SMTP hand-off
    String hashQuery = "select code_hash from privacy_request where id = ?";
    await(() -> row(hashQuery, id).get(0) != null);
    String codeHash = row(hashQuery, id).get(0);
    assertFalse(codeHash.contains(code), "only an HMAC of the code is stored");

    Reply wrong =
        operator.post(API + "/" + id + "/verify", "{\"code\":\"%s\"}".formatted(other(code)));
    assertInvalid(wrong, "code", "2 attempts left");
    assertEquals("1", row("select code_attempts from privacy_request where id = ?", id).get(0));
    assertInvalid(operator.post(API + "/" + id + "/verify", "{}"), "code", "required");
    assertInvalid(
        operator.post(API + "/" + id + "/verify", "{\"method\":\"EMAIL_LINK\"}"),
        "method",
        "OPERATOR_CHECK");

    Reply verified = operator.post(API + "/" + id + "/verify", "{\"code\":\"%s\"}".formatted(code));
    assertEquals(200, verified.status(), verified::toString);
    assertEquals("VERIFIED", verified.json().getString("status"));
    assertEquals("CODE", verified.json().getJsonObject("verification").getString("method"));
    assertProblem(
        409, operator.post(API + "/" + id + "/verify", "{\"code\":\"%s\"}".formatted(code)));
    assertProblem(409, operator.post(API + "/" + id + "/verification-code", ""));

    // a second request: three wrong codes kill the code; a new one works
    String second = create(customer, "ACCESS", null).getString("id");
    String firstCode = code(mailTo(email, 2).get(1));
    for (int i = 0; i < 3; i++) {
      assertEquals(
          400,
          operator
              .post(API + "/" + second + "/verify", "{\"code\":\"%s\"}".formatted(other(firstCode)))
              .status());
    }
    Reply dead =
        operator.post(API + "/" + second + "/verify", "{\"code\":\"%s\"}".formatted(firstCode));
    assertProblem(409, dead);
    assertTrue(dead.json().getString("detail").contains("new code must be sent"), dead::toString);

    Reply resent = operator.post(API + "/" + second + "/verification-code", "");
    assertEquals(200, resent.status(), resent::toString);
    String newCode = code(mailTo(email, 3).get(2));
    assertEquals("0", row("select code_attempts from privacy_request where id = ?", second).get(0));
    assertEquals(
        200,
        operator
            .post(API + "/" + second + "/verify", "{\"code\":\"%s\"}".formatted(newCode))
            .status());
    assertTrue(audit(customer).contains("PRIVACY_REQUEST_CODE_WRONG"));
  }

  @Test
  void anOperatorCheckIsRecordedAndOneExtensionIsToldToThePerson() throws Exception {
    String email = uniqueEmail();
    String customer = newCustomer(email, "en");
    String id = create(customer, "OBJECTION", "2026-03-02").getString("id");
    mailTo(email, 1);

    assertInvalid(
        operator.post(API + "/" + id + "/verify", "{\"method\":\"OPERATOR_CHECK\"}"),
        "evidence",
        "checked");
    Reply verified =
        operator.post(
            API + "/" + id + "/verify",
            "{\"method\":\"OPERATOR_CHECK\",\"evidence\":\"national ID card seen at the counter\"}");
    assertEquals(200, verified.status(), verified::toString);
    JsonObject verification = verified.json().getJsonObject("verification");
    assertEquals("OPERATOR_CHECK", verification.getString("method"));
    assertEquals("operator", verification.getString("verifiedBy"));
    assertFalse(verification.getString("verifiedAt").isEmpty());

    assertInvalid(operator.post(API + "/" + id + "/extend", "{\"reason\":\"  \"}"), "reason", "");
    Reply extended =
        operator.post(
            API + "/" + id + "/extend", "{\"reason\":\"our processor needs the archive\"}");
    assertEquals(200, extended.status(), extended::toString);
    assertTrue(extended.json().getBoolean("extended"));
    assertEquals("2026-04-13", extended.json().getString("dueBy"), "15 more working days");
    assertProblem(409, operator.post(API + "/" + id + "/extend", "{\"reason\":\"again\"}"));
    assertEquals("2026-04-13", operator.get(API + "/" + id).json().getString("dueBy"));

    MimeMessage told = mailTo(email, 2).get(1);
    String text = part(told, "text/plain");
    assertTrue(
        text.contains("our processor needs the archive") && text.contains("13 April 2026"), text);
    assertFalse(told.getSubject().contains("[QC]"));
  }

  @Test
  void aRefusalNeedsAReasonAndThePersonIsTold() throws Exception {
    String email = uniqueEmail();
    String customer = newCustomer(email, "vi");
    String id = create(customer, "RECTIFICATION", null).getString("id");
    mailTo(email, 1);
    assertInvalid(operator.post(API + "/" + id + "/refuse", "{}"), "reason", "");
    Reply refused = operator.post(API + "/" + id + "/refuse", "{\"reason\":\"Yêu cầu trùng lặp\"}");
    assertEquals(200, refused.status(), refused::toString);
    assertEquals("REFUSED", refused.json().getString("status"));
    assertEquals("Yêu cầu trùng lặp", refused.json().getString("refusalReason"));
    assertEquals("Yêu cầu trùng lặp", refused.json().getString("reasonForPerson"), "told as is");
    assertProblem(409, operator.post(API + "/" + id + "/refuse", "{\"reason\":\"again\"}"));
    assertProblem(409, operator.post(API + "/" + id + "/complete", ""));
    assertProblem(409, operator.post(API + "/" + id + "/extend", "{\"reason\":\"late\"}"));
    String text = part(mailTo(email, 2).get(1), "text/plain");
    assertTrue(text.contains("Lý do: Yêu cầu trùng lặp"), text);
  }

  // ---- fulfilment

  @Test
  void accessIsAnsweredWithTheExport() throws Exception {
    String email = uniqueEmail();
    String customer = newCustomer(email, "en");
    String id = verifiedRequest(customer, email, "ACCESS");

    Reply done = operator.post(API + "/" + id + "/complete", "");
    assertEquals(200, done.status(), done::toString);
    JsonObject body = done.json();
    assertEquals("COMPLETED", body.getString("status"));
    JsonObject export = body.getJsonObject("export");
    assertEquals(email, export.getJsonObject("profile").getString("email"));
    JsonArray requests = export.getJsonArray("privacyRequests");
    assertEquals(id, requests.getJsonObject(0).getString("id"));
    assertTrue(audit(customer).contains("CUSTOMER_EXPORTED"));
    assertProblem(409, operator.post(API + "/" + id + "/complete", ""));
    assertTrue(
        part(mailTo(email, 2).get(1), "text/plain").contains("We have carried out your request"));
  }

  @Test
  void rectificationAppliesTheMergePatchOrChangesNothing() throws Exception {
    String email = uniqueEmail();
    String customer = newCustomer(email, "en");
    String id = verifiedRequest(customer, email, "RECTIFICATION");

    assertInvalid(operator.post(API + "/" + id + "/complete", ""), "changes", "merge patch");
    assertInvalid(operator.post(API + "/" + id + "/complete", "{\"changes\":{}}"), "changes", "");
    Reply bad =
        operator.post(
            API + "/" + id + "/complete",
            "{\"changes\":{\"email\":\"not-an-address\",\"jobTitle\":\"CEO\"}}");
    assertEquals(400, bad.status(), bad::toString);
    assertEquals("VERIFIED", operator.get(API + "/" + id).json().getString("status"));
    assertEquals(
        JsonValue.NULL, operator.get("/api/v1/customers/" + customer).json().get("jobTitle"));

    Reply done =
        operator.post(
            API + "/" + id + "/complete",
            "{\"changes\":{\"phone\":\"0912345678\",\"jobTitle\":\"CEO\"}}");
    assertEquals(200, done.status(), done::toString);
    JsonObject record = operator.get("/api/v1/customers/" + customer).json();
    assertEquals("+84912345678", record.getString("phone"));
    assertEquals("CEO", record.getString("jobTitle"));
    assertTrue(audit(customer).contains("CUSTOMER_RECTIFIED"));
  }

  @Test
  void erasureErasesTheCustomerButKeepsTheRequestAndTellsThePerson() throws Exception {
    String email = uniqueEmail();
    String customer = newCustomer(email, "vi");
    String id = verifiedRequest(customer, email, "ERASURE");

    Reply done = operator.post(API + "/" + id + "/complete", "");
    assertEquals(200, done.status(), done::toString);
    assertEquals("COMPLETED", done.json().getString("status"));
    assertEquals(404, operator.get("/api/v1/customers/" + customer).status());
    JsonObject kept = operator.get(API + "?customerId=" + customer).json();
    assertEquals(List.of(id), ids(kept.getJsonArray("items")));
    assertEquals("COMPLETED", kept.getJsonArray("items").getJsonObject(0).getString("status"));

    MimeMessage completed = mailTo(email, 2).get(1);
    String text = part(completed, "text/plain");
    assertTrue(text.contains("Kính gửi Quý khách") && text.contains(id), text);
    // The address kept for that message is gone with it, once the sending transaction commits
    // (the SMTP server may hold the message a moment before that).
    await(() -> count("select count(*) from privacy_notice where customer_id = ?", customer) == 0);
  }

  @Test
  void erasureUnderLegalHoldIsRefusedAndThePersonIsNeverToldTheHoldsReason() throws Exception {
    String holdReason = "Court order 17/2026, case " + UUID.randomUUID();
    String email = uniqueEmail();
    String customer = newCustomer(email, "en");
    String id = verifiedRequest(customer, email, "ERASURE");
    assertEquals(
        200,
        admin
            .put(
                "/api/v1/customers/" + customer + "/legal-hold",
                "{\"reason\":\"%s\"}".formatted(holdReason))
            .status());

    Reply done = operator.post(API + "/" + id + "/complete", "");

    assertEquals(200, done.status(), done::toString);
    assertEquals("REFUSED", done.json().getString("status"));
    assertEquals("legal hold: " + holdReason, done.json().getString("refusalReason"), "staff");
    MimeMessage told = mailTo(email, 2).get(1);
    String text = part(told, "text/plain");
    for (String said : List.of(told.getSubject(), text, part(told, "text/html"))) {
      assertFalse(said.contains(holdReason), said);
      assertFalse(said.contains("Court order") || said.contains("legal hold"), said);
    }
    assertTrue(text.contains("Why: " + STANDARD_REFUSAL_EN), text);
    assertEquals(JsonValue.NULL, done.json().get("reasonForPerson"), "told the standard text");
    assertEquals(
        "legal hold: " + holdReason,
        operator.get(API + "/" + id).json().getString("refusalReason"),
        "staff still see why");
    assertEquals(200, operator.get("/api/v1/customers/" + customer).status(), "still there");
    JsonObject export = operator.get("/api/v1/customers/" + customer + "/export").json();
    assertFalse(export.toString().contains("Court order"), "nor does the person's own export");
    assertEquals(
        STANDARD_REFUSAL_EN,
        export.getJsonArray("privacyRequests").getJsonObject(0).getString("refusalReason"));
  }

  @Test
  void staffMayWriteWhatThePersonIsToldWhileTheirOwnReasonStaysInternal() throws Exception {
    String email = uniqueEmail();
    String customer = newCustomer(email, "vi");
    String erasure = verifiedRequest(customer, email, "ERASURE");
    assertEquals(
        200,
        admin
            .put(
                "/api/v1/customers/" + customer + "/legal-hold",
                "{\"reason\":\"Điều tra số 42/2026 của cơ quan công an\"}")
            .status());
    String complete = API + "/" + erasure + "/complete";
    assertInvalid(operator.post(complete, "{\"reasonForPerson\":42}"), "reasonForPerson", "");
    assertInvalid(operator.post(complete, "{\"reasonForPerson\":\"  \"}"), "reasonForPerson", "");
    assertEquals("VERIFIED", operator.get(API + "/" + erasure).json().getString("status"));

    String forPerson = "Hợp đồng bảo hiểm của Quý khách còn hiệu lực đến năm 2027.";
    Reply held = operator.post(complete, "{\"reasonForPerson\":\"%s\"}".formatted(forPerson));

    assertEquals(200, held.status(), held::toString);
    assertEquals("REFUSED", held.json().getString("status"));
    assertEquals(
        "legal hold: Điều tra số 42/2026 của cơ quan công an",
        held.json().getString("refusalReason"));
    assertEquals(forPerson, held.json().getString("reasonForPerson"));
    String heldText = part(mailTo(email, 2).get(1), "text/plain");
    assertTrue(heldText.contains("Lý do: " + forPerson), heldText);
    assertFalse(heldText.contains("Điều tra"), heldText);

    // a refusal by staff: with a reason for the person, the other one stays internal
    String access = create(customer, "ACCESS", null).getString("id");
    mailTo(email, 3);
    assertInvalid(
        operator.post(
            API + "/" + access + "/refuse", "{\"reason\":\"internal\",\"reasonForPerson\":\" \"}"),
        "reasonForPerson",
        "blank");
    Reply refused =
        operator.post(
            API + "/" + access + "/refuse",
            "{\"reason\":\"Nghi ngờ giả mạo: yêu cầu từ địa chỉ IP lạ\","
                + "\"reasonForPerson\":\"Chúng tôi chưa xác minh được danh tính của Quý khách.\"}");
    assertEquals(200, refused.status(), refused::toString);
    assertEquals(
        "Nghi ngờ giả mạo: yêu cầu từ địa chỉ IP lạ", refused.json().getString("refusalReason"));
    String refusedText = part(mailTo(email, 4).get(3), "text/plain");
    assertTrue(
        refusedText.contains("Lý do: Chúng tôi chưa xác minh được danh tính của Quý khách."),
        refusedText);
    assertFalse(refusedText.contains("giả mạo"), refusedText);
    String export = operator.get("/api/v1/customers/" + customer + "/export").json().toString();
    assertFalse(export.contains("Điều tra") || export.contains("giả mạo"), export);
  }

  @Test
  void withdrawalGoesThroughTheConsentLedger() throws Exception {
    String email = uniqueEmail();
    String customer = newCustomer(email, "en");
    grant(customer, "NEWSLETTER");
    grant(customer, "RENEWAL_REMINDER");
    mailTo(email, 2); // the grants' confirmations
    String id = create(customer, "WITHDRAW_CONSENT", null).getString("id");
    String code = code(mailTo(email, 3).get(2));
    assertEquals(
        200,
        operator.post(API + "/" + id + "/verify", "{\"code\":\"%s\"}".formatted(code)).status());

    assertInvalid(
        operator.post(API + "/" + id + "/complete", "{\"purposes\":[\"BOGUS\"]}"), "purposes", "");
    assertTrue(granted(customer, "NEWSLETTER"), "nothing changed");

    Reply done = operator.post(API + "/" + id + "/complete", "");
    assertEquals(200, done.status(), done::toString);
    assertFalse(granted(customer, "NEWSLETTER"));
    assertFalse(granted(customer, "RENEWAL_REMINDER"));
    JsonArray history =
        operator.get("/api/v1/customers/" + customer + "/consents").json().getJsonArray("history");
    JsonObject last = history.getJsonObject(history.size() - 1);
    assertEquals("privacy-request", last.getString("source"));
    assertEquals(id, last.getString("evidence"));
    assertFalse(last.getBoolean("granted"));

    // an objection withdraws only direct marketing by default
    grant(customer, "NEWSLETTER");
    grant(customer, "THIRD_PARTY_SHARING");
    String objection = create(customer, "OBJECTION", null).getString("id");
    assertEquals(
        200,
        operator
            .post(
                API + "/" + objection + "/verify",
                "{\"method\":\"OPERATOR_CHECK\",\"evidence\":\"called back on the number on file\"}")
            .status());
    assertEquals(200, operator.post(API + "/" + objection + "/complete", "{}").status());
    assertFalse(granted(customer, "NEWSLETTER"));
    assertTrue(granted(customer, "THIRD_PARTY_SHARING"));
  }

  // ---- suspected fraud

  @Test
  void aSuspendedRequestSendsNoEmailAndCannotBeCompletedUntilCleared() throws Exception {
    String email = uniqueEmail();
    String customer = newCustomer(email, "en");
    String id = create(customer, "ACCESS", null).getString("id");
    mailTo(email, 1);

    assertInvalid(operator.post(API + "/" + id + "/suspend", "{}"), "reason", "");
    Reply suspended =
        operator.post(
            API + "/" + id + "/suspend", "{\"reason\":\"caller could not name the contract\"}");
    assertEquals(200, suspended.status(), suspended::toString);
    assertTrue(suspended.json().getBoolean("suspended"));
    assertProblem(409, operator.post(API + "/" + id + "/suspend", "{\"reason\":\"again\"}"));
    assertProblem(409, operator.post(API + "/" + id + "/verification-code", ""));
    assertProblem(409, operator.post(API + "/" + id + "/verify", "{\"code\":\"123456\"}"));

    // an extension is recorded, but its email is held back
    assertEquals(
        200,
        operator.post(API + "/" + id + "/extend", "{\"reason\":\"checking identity\"}").status());
    await(() -> count("select count(*) from privacy_notice where request_id = ?", id) == 0);
    assertTrue(audit(customer).contains("PRIVACY_EMAIL_SKIPPED"));
    assertEquals(
        200,
        operator
            .post(
                API + "/" + id + "/verify",
                "{\"method\":\"OPERATOR_CHECK\",\"evidence\":\"ID card seen\"}")
            .status());
    assertProblem(409, operator.post(API + "/" + id + "/complete", ""));

    Reply cleared = admin.post(API + "/" + id + "/clear", "");
    assertEquals(200, cleared.status(), cleared::toString);
    assertFalse(cleared.json().getBoolean("suspended"));
    assertProblem(409, admin.post(API + "/" + id + "/clear", ""));
    assertEquals(200, operator.post(API + "/" + id + "/complete", "").status());
    List<MimeMessage> received = mailTo(email, 2);
    assertTrue(received.get(1).getSubject().contains("is done"), "only the completion followed");
    List<String> actions = audit(customer);
    assertTrue(
        actions.contains("PRIVACY_REQUEST_SUSPENDED")
            && actions.contains("PRIVACY_REQUEST_CLEARED"));
  }

  // ---- the public form

  @Test
  void thePublicFormAnswersTheSameForKnownAndUnknownAddresses() throws Exception {
    String known = uniqueEmail();
    String customer = newCustomer(known, "en");
    String unknown = uniqueEmail();

    Reply form = anonymous.get("/privacy");
    assertEquals(200, form.status());
    assertTrue(form.body().contains("name=\"email\""), form.body());

    Reply forKnown = anonymous.postForm("/privacy", "email=" + encode(known.toUpperCase()));
    Reply forUnknown = anonymous.postForm("/privacy", "email=" + encode(unknown));
    assertEquals(200, forKnown.status());
    assertEquals(forKnown.status(), forUnknown.status());
    assertEquals(forKnown.body(), forUnknown.body(), "byte for byte the same page");
    assertEquals(forKnown.header("Content-Type"), forUnknown.header("Content-Type"));
    assertInvalidPage(anonymous.postForm("/privacy", "email=not-an-address"));
    assertInvalidPage(anonymous.postForm("/privacy", ""));

    String link = link(mailTo(known, 1).get(0));
    Reply again = anonymous.postForm("/privacy", "email=" + encode(known));
    assertEquals(
        forUnknown.body(), again.body(), "a second ask within the interval: the same page");
    await(() -> audit(customer).contains("PRIVACY_LINK_THROTTLED")); // and no second link
    await(() -> count("select count(*) from privacy_notice") == 0);
    assertEquals(0, mailCount(unknown), "nothing goes to an unknown address");

    Reply choose = anonymous.get(link);
    assertEquals(200, choose.status(), choose::toString);
    assertTrue(choose.body().contains("value=\"ERASURE\""), choose.body());
    assertFalse(choose.body().contains("checked"), "nothing pre-selected");

    long requestsBefore =
        count("select count(*) from privacy_request where customer_id = ?", customer);
    assertEquals(400, anonymous.postForm(link, "type=EVERYTHING").status());
    Reply made = anonymous.postForm(link, "type=ACCESS");
    assertEquals(200, made.status(), made::toString);
    JsonObject request =
        operator.get(API + "?customerId=" + customer).json().getJsonArray("items").getJsonObject(0);
    assertEquals(
        requestsBefore + 1,
        count("select count(*) from privacy_request where customer_id = ?", customer));
    assertTrue(made.body().contains(request.getString("id")), made.body());
    assertEquals("VERIFIED", request.getString("status"));
    assertEquals("WEB", request.getString("channel"));
    assertEquals("EMAIL_LINK", request.getJsonObject("verification").getString("method"));
    String acknowledgement = part(mailTo(known, 2).get(1), "text/plain");
    assertFalse(CODE.matcher(acknowledgement).find(), "a verified request needs no code");
    JsonArray byLink =
        admin
            .get("/api/v1/audit?customerId=" + customer + "&actor=customer:link")
            .json()
            .getJsonArray("items");
    assertTrue(byLink.size() >= 2, byLink.toString());

    int at = link.indexOf("t=") + 5;
    String altered =
        link.substring(0, at) + (link.charAt(at) == 'A' ? 'B' : 'A') + link.substring(at + 1);
    Reply forged =
        anonymous.send(
            HttpRequest.newBuilder(java.net.URI.create(altered))
                .header("Accept", "text/html")
                .GET());
    assertEquals(400, forged.status());
    assertTrue(forged.body().contains("<html"), forged.body());
    assertEquals(400, anonymous.postForm(altered, "type=ERASURE").status());
    assertEquals(
        400, anonymous.postForm(link.replaceAll("t=.*", "t=forged"), "type=ERASURE").status());
    assertEquals(
        requestsBefore + 1,
        count("select count(*) from privacy_request where customer_id = ?", customer));
  }

  @Test
  void everySubmissionIsRecordedAlikeAndAnAddressAskedAboutTooOftenIsRefusedAlike()
      throws Exception {
    String known = uniqueEmail();
    String customer = newCustomer(known, "vi");
    String unknown = uniqueEmail();
    long before = count("select count(*) from privacy_submission");

    List<Reply> forKnown = new java.util.ArrayList<>();
    List<Reply> forUnknown = new java.util.ArrayList<>();
    for (int i = 0; i < PER_ADDRESS + 1; i++) {
      forKnown.add(anonymous.postForm("/privacy", "email=" + encode(known)));
      forUnknown.add(anonymous.postForm("/privacy", "email=" + encode(unknown)));
    }

    assertEquals(
        before + 2 * PER_ADDRESS,
        count("select count(*) from privacy_submission"),
        "a row for every accepted submission, known address or not");
    for (int i = 0; i < PER_ADDRESS + 1; i++) {
      int status = i < PER_ADDRESS ? 200 : 429;
      assertEquals(status, forKnown.get(i).status(), forKnown.get(i)::toString);
      assertEquals(status, forUnknown.get(i).status(), forUnknown.get(i)::toString);
      assertEquals(forKnown.get(i).body(), forUnknown.get(i).body(), "the same page, " + i);
    }
    assertEquals(
        0,
        count("select count(*) from privacy_submission where email_index like '%@%'"),
        "only blind indexes are kept");
    String link = link(mailTo(known, 1).get(0));
    await(() -> count("select count(*) from privacy_submission where processed_at is null") == 0);
    assertEquals(0, mailCount(unknown));

    String token = link.substring(link.indexOf("t=") + 2);
    String base = link.substring(0, link.indexOf("/privacy/verify"));
    assertEquals(400, anonymous.get(base + "/preferences?t=" + token).status());
    assertEquals(
        400, anonymous.postForm(base + "/preferences?t=" + token, "purpose=SURVEY").status());
    assertEquals(400, anonymous.postForm(base + "/unsubscribe?t=" + token, "").status());
    assertEquals(400, anonymous.get(base + "/preferences/confirm?t=" + token).status());
    assertFalse(granted(customer, "SURVEY"), "the privacy link works on /privacy/verify only");
  }

  @Test
  @Order(Integer.MAX_VALUE) // runs last: it uses up this client's posts for the hour
  void aClientThatPostsTooOftenIsRefusedWhateverTheAddress() throws Exception {
    Reply reply = null;
    for (int i = 0; i <= PER_CLIENT && (reply == null || reply.status() != 429); i++) {
      reply = anonymous.postForm("/privacy", "email=" + encode(uniqueEmail()));
    }
    assertEquals(429, reply.status(), "refused within " + PER_CLIENT + " posts an hour");
    long recorded = count("select count(*) from privacy_submission");
    String customer = uniqueEmail();
    newCustomer(customer, "en");
    Reply forCustomer = anonymous.postForm("/privacy", "email=" + encode(customer));
    Reply forStranger = anonymous.postForm("/privacy", "email=" + encode(uniqueEmail()));
    assertEquals(429, forCustomer.status());
    assertEquals(forStranger.body(), forCustomer.body());
    assertEquals(recorded, count("select count(*) from privacy_submission"), "nothing recorded");
  }

  // ---- helpers

  static String uniqueEmail() {
    return "p-" + UUID.randomUUID() + "@example.vn";
  }

  static String newCustomer(String email, String locale) {
    Reply created =
        operator.post(
            "/api/v1/customers",
            "{\"fullName\":\"Trần Thị Mai\",\"email\":\"%s\",\"locale\":\"%s\"}"
                .formatted(email, locale));
    assertEquals(201, created.status(), created::toString);
    return created.json().getString("id");
  }

  static JsonObject create(String customer, String type, String receivedAt) {
    String at = receivedAt == null ? "" : ",\"receivedAt\":\"" + receivedAt + "\"";
    Reply created =
        operator.post(
            API, "{\"customerId\":\"%s\",\"type\":\"%s\"%s}".formatted(customer, type, at));
    assertEquals(201, created.status(), created::toString);
    return created.json();
  }

  /** A request verified with the code from its acknowledgement (the customer's first email). */
  static String verifiedRequest(String customer, String email, String type) throws Exception {
    String id = create(customer, type, null).getString("id");
    String code = code(mailTo(email, 1).get(0));
    Reply verified = operator.post(API + "/" + id + "/verify", "{\"code\":\"%s\"}".formatted(code));
    assertEquals(200, verified.status(), verified::toString);
    return id;
  }

  static void grant(String customer, String purpose) {
    Reply granted =
        operator.put(
            "/api/v1/customers/" + customer + "/consents/" + purpose,
            "{\"granted\":true,\"source\":\"web-form\",\"policyVersion\":\"2026-01\",\"evidence\":\"form 7\"}");
    assertEquals(200, granted.status(), granted::toString);
  }

  static boolean granted(String customer, String purpose) {
    return operator
        .get("/api/v1/customers/" + customer + "/consents")
        .json()
        .getJsonObject("current")
        .getJsonObject(purpose)
        .getBoolean("granted");
  }

  static List<String> ids(JsonArray items) {
    return items.stream().map(v -> v.asJsonObject().getString("id")).toList();
  }

  static List<String> audit(String customer) {
    return admin
        .get("/api/v1/audit?size=500&customerId=" + customer)
        .json()
        .getJsonArray("items")
        .stream()
        .map(v -> v.asJsonObject().getString("action"))
        .toList();
  }

  static void assertProblem(int status, Reply reply) {
    assertEquals(status, reply.status(), reply::toString);
    assertTrue(
        reply.header("Content-Type").startsWith("application/problem+json"), reply::toString);
  }

  static void assertInvalid(Reply reply, String field, String messagePart) {
    assertProblem(400, reply);
    JsonArray errors = reply.json().getJsonArray("errors");
    assertTrue(
        errors != null
            && errors.stream()
                .map(JsonValue::asJsonObject)
                .anyMatch(
                    e ->
                        field.equals(e.getString("field"))
                            && e.getString("message").contains(messagePart)),
        reply::toString);
  }

  static void assertInvalidPage(Reply reply) {
    assertEquals(400, reply.status(), reply::toString);
    assertTrue(reply.header("Content-Type").startsWith("text/html"), reply::toString);
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static String other(String code) {
    return code.equals("000000") ? "111111" : "000000";
  }

  static long gauge(String metrics, String name) {
    return metrics
        .lines()
        .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
        .map(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " is not in /metrics"));
  }

  static Connection db() throws Exception {
    return postgres.connect(databaseUrl);
  }

  static List<String> row(String sql, Object... values) throws Exception {
    try (Connection db = db()) {
      return Queries.row(db, sql, values);
    }
  }

  static long count(String sql, Object... values) throws Exception {
    try (Connection db = db()) {
      return Queries.count(db, sql, values);
    }
  }

  static void await(ThrowingCondition condition) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!condition.met()) {
      assertTrue(Instant.now().isBefore(deadline), "condition not met in 30 s");
      Thread.sleep(200);
    }
  }

  interface ThrowingCondition {
    boolean met() throws Exception;
  }

  static String code(MimeMessage message) throws Exception {
    Matcher code = CODE.matcher(part(message, "text/plain"));
    assertTrue(code.find(), "a code in the message");
    return code.group(1);
  }

  static String link(MimeMessage message) throws Exception {
    Matcher link = LINK.matcher(part(message, "text/plain"));
    assertTrue(link.find(), "a link in the message");
    return link.group(1);
  }

  static long mailCount(String address) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> ReceivedMail.recipient(m).equalsIgnoreCase(address))
        .count();
  }

  static List<MimeMessage> mailTo(String address, int count) {
    return ReceivedMail.awaitTo(smtp, address, count);
  }

  static String part(MimeMessage message, String type) {
    return ReceivedMail.part(message, type);
  }
}
