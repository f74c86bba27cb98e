package app.custodian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.testing.Api;
import app.custodian.testing.Api.Reply;
import app.custodian.testing.CustodianProcess;
import app.custodian.testing.Postgres;
import app.custodian.testing.ReceivedMail;
import app.custodian.testing.Resources;
import app.custodian.testing.TestSmtp;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.json.JsonObject;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
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
 * Consent, confirmation emails and the public unsubscribe and preference pages, end to end: the
 * packaged application on PostgreSQL, sending through a real SMTP server (GreenMail).
 */
class ConsentAndMailIT {

  static final String ADMIN_PASSWORD = "admin-password-for-tests";
  static final String COMPANY = "Công ty <Lưu Trữ> & Dữ Liệu";
  static final String COMPANY_ADDRESS = "12 Lý Thường Kiệt, Hoàn Kiếm, Hà Nội";
  static final Pattern UNSUBSCRIBE_LINK = Pattern.compile("<(http[^>]+/unsubscribe\\?t=[^>]+)>");
  static final Pattern PREFERENCES_LINK = Pattern.compile("(http\\S+/preferences\\?t=[\\w-]+)");
  static final Pattern CONFIRM_LINK = Pattern.compile("(http\\S+/preferences/confirm\\?t=[\\w-]+)");

  @TempDir static Path dataDir;
  static Postgres postgres;
  static String databaseUrl;
  static GreenMail smtp;
  static CustodianProcess custodian;
  static Api admin;
  static Api anonymous;

  @BeforeAll
  static void start() {
    smtp = TestSmtp.start();
    postgres = Postgres.start();
    databaseUrl = postgres.createDatabase();
    Map<String, String> env = postgres.custodianSettings(databaseUrl, dataDir, ADMIN_PASSWORD);
    TestSmtp.sendTo(env, smtp.getSmtp().getPort());
    env.put("CUSTODIAN_MAIL_FROM", "Bộ phận Bảo mật <privacy@custodian.test>");
    env.put("CUSTODIAN_COMPANY_NAME", COMPANY);
    env.put("CUSTODIAN_COMPANY_ADDRESS", COMPANY_ADDRESS);
    custodian = new CustodianProcess(dataDir, env).start();
    admin = custodian.api("admin", ADMIN_PASSWORD);
    anonymous = admin.as(null, null);
  }

  @AfterAll
  static void stop() throws Exception {
    Resources.closeAll(custodian, postgres, smtp == null ? null : smtp::stop);
  }

  static String newCustomer(String email, String locale) {
    Reply created =
        admin.post(
            "/api/v1/customers",
            "{\"fullName\":\"Phạm <Thu> Hà\",\"email\":\"%s\",\"locale\":\"%s\"}"
                .formatted(email, locale));
    assertEquals(201, created.status(), created::toString);
    return created.json().getString("id");
  }

  static String uniqueEmail() {
    return "c-" + UUID.randomUUID() + "@example.vn";
  }

  static Reply grant(String customerId, String purpose, boolean granted) {
    return admin.put(
        "/api/v1/customers/" + customerId + "/consents/" + purpose,
        "{\"granted\":%s,\"source\":\"web-form\",\"policyVersion\":\"2026-01\",\"evidence\":\"form 7\"}"
            .formatted(granted));
  }

  /** Grants the purpose and answers the one-click link from the confirmation that follows. */
  static String grantedLink(String customerId, String email, String purpose) throws Exception {
    assertEquals(200, grant(customerId, purpose, true).status());
    return unsubscribeUrl(mailTo(email, 1).get(0));
  }

  static JsonObject consents(String customerId) {
    Reply reply = admin.get("/api/v1/customers/" + customerId + "/consents");
    assertEquals(200, reply.status(), reply::toString);
    return reply.json();
  }

  static boolean granted(String customerId, String purpose) {
    return consents(customerId)
        .getJsonObject("current")
        .getJsonObject(purpose)
        .getBoolean("granted");
  }

  static List<MimeMessage> mailTo(String address, int count) {
    return ReceivedMail.awaitTo(smtp, address, count);
  }

  static String part(MimeMessage message, String type) {
    return ReceivedMail.part(message, type);
  }

  static String unsubscribeUrl(MimeMessage message) throws Exception {
    Matcher link = UNSUBSCRIBE_LINK.matcher(message.getHeader("List-Unsubscribe", ","));
    assertTrue(link.find(), "List-Unsubscribe names the one-click link");
    return link.group(1);
  }

  @Test
  void aGrantIsConfirmedByAnEmailThatCarriesWorkingOneClickUnsubscribe() throws Exception {
    String email = uniqueEmail();
    String id = newCustomer(email, "vi");

    Reply granted = grant(id, "NEWSLETTER", true);
    assertEquals(200, granted.status(), granted::toString);
    assertTrue(granted.json().getBoolean("granted"));
    assertEquals("NEWSLETTER", granted.json().getString("purpose"));

    MimeMessage confirmation = mailTo(email, 1).get(0);
    assertFalse(confirmation.getSubject().contains("[QC]"), "a service notice is never labelled");
    assertEquals(
        "privacy@custodian.test", ((InternetAddress) confirmation.getFrom()[0]).getAddress());
    assertEquals(
        "List-Unsubscribe=One-Click", confirmation.getHeader("List-Unsubscribe-Post", null));
    String listUnsubscribe = confirmation.getHeader("List-Unsubscribe", ",");
    assertFalse(
        listUnsubscribe.contains("mailto:"),
        "no returns mailbox is read, so no mailto: " + listUnsubscribe);
    String link = unsubscribeUrl(confirmation);
    assertTrue(
        link.startsWith(custodian.baseUri().toString().replaceAll("/$", "")),
        "links point at this server by default: " + link);
    String text = part(confirmation, "text/plain");
    assertTrue(text.contains(COMPANY) && text.contains(COMPANY_ADDRESS), "footer: " + text);
    assertTrue(text.contains(link), "a visible unsubscribe link: " + text);
    String html = part(confirmation, "text/html");
    assertTrue(html.contains("Công ty &lt;Lưu Trữ&gt; &amp; Dữ Liệu"), "escaped: " + html);
    assertTrue(html.contains("Phạm &lt;Thu&gt; Hà"), html);

    Reply page = anonymous.get(link);
    assertEquals(200, page.status(), page::toString);
    assertTrue(page.header("Content-Type").startsWith("text/html"));
    assertTrue(page.body().contains("<html lang=\"vi\">"), "in the person's language");
    assertTrue(page.body().contains("Hủy đăng ký"), page.body());
    assertEquals("no-referrer", page.header("Referrer-Policy"), "the token must not leak");
    assertTrue(page.body().contains("<form method=\"post\""), page.body());
    assertTrue(granted(id, "NEWSLETTER"), "GET alone changes nothing");

    Reply oneClick = anonymous.postForm(link, "List-Unsubscribe=One-Click");
    assertEquals(200, oneClick.status(), oneClick::toString);
    assertFalse(granted(id, "NEWSLETTER"), "withdrawn at once");
    JsonObject last = lastEvent(id);
    assertEquals("email-link", last.getString("source"));
    assertEquals("data-subject", last.getString("actor"));
    assertFalse(last.getBoolean("granted"));

    MimeMessage withdrawn = mailTo(email, 2).get(1);
    assertNull(withdrawn.getHeader("List-Unsubscribe"), "nothing left to unsubscribe from");
    assertFalse(withdrawn.getSubject().contains("[QC]"));

    Reply again = anonymous.postForm(link, "List-Unsubscribe=One-Click");
    assertEquals(200, again.status(), "repeating it is harmless");
    assertEquals(0, waitingNotices(), "and sends no second confirmation");
    assertEquals(2, consents(id).getJsonArray("history").size());
  }

  private static JsonObject lastEvent(String customerId) {
    var history = consents(customerId).getJsonArray("history");
    return history.getJsonObject(history.size() - 1);
  }

  private static long waitingNotices() throws Exception {
    try (Connection db = postgres.connect(databaseUrl);
        ResultSet rs = db.createStatement().executeQuery("select count(*) from consent_notice")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void aForgedOrAlteredTokenIsRefusedAndChangesNothing() throws Exception {
    String email = uniqueEmail();
    String id = newCustomer(email, "en");
    String link = grantedLink(id, email, "SURVEY");
    int at = link.indexOf("t=") + 5;
    String altered =
        link.substring(0, at) + (link.charAt(at) == 'A' ? 'B' : 'A') + link.substring(at + 1);

    assertEquals(400, anonymous.postForm(altered, "List-Unsubscribe=One-Click").status());
    assertEquals(400, anonymous.get(altered).status());
    assertEquals(400, anonymous.postForm(link.replaceAll("t=.*", "t=forged"), "").status());
    assertEquals(400, anonymous.get(link.replace("/unsubscribe", "/preferences") + "x").status());
    assertTrue(granted(id, "SURVEY"), "nothing changed");
  }

  @Test
  void aReImportDoesNotResubscribeButThePersonsOwnConfirmedChoiceDoes() throws Exception {
    String email = uniqueEmail();
    String id = newCustomer(email, "en");
    String link = grantedLink(id, email, "NEWSLETTER");
    String preferences = linkIn(mailTo(email, 1).get(0), PREFERENCES_LINK);
    assertEquals(200, anonymous.postForm(link, "List-Unsubscribe=One-Click").status());

    Reply reimport = grant(id, "NEWSLETTER", true);
    assertEquals(200, reimport.status(), reimport::toString);
    assertFalse(reimport.json().getBoolean("granted"));
    assertFalse(reimport.json().getBoolean("applied"));
    assertEquals("SUPPRESSED_UNSUBSCRIBED", reimport.json().getString("notAppliedReason"));
    assertFalse(granted(id, "NEWSLETTER"), "the claim is recorded, not granted");
    assertFalse(lastEvent(id).getBoolean("applied"));

    Reply page = anonymous.get(preferences + "&lang=en");
    assertEquals(200, page.status(), page::toString);
    assertTrue(page.body().contains("value=\"NEWSLETTER\">"), "shown unticked: " + page.body());
    assertFalse(page.body().contains("THIRD_PARTY_SHARING"), "never granted on a public page");
    Reply chosen =
        anonymous.postForm(
            preferences,
            "submitted=1&purpose=NEWSLETTER&purpose=SURVEY&purpose=THIRD_PARTY_SHARING");
    assertEquals(200, chosen.status(), chosen::toString);
    assertFalse(granted(id, "NEWSLETTER"), "a tick waits for the address to confirm it");
    assertFalse(granted(id, "SURVEY"));

    MimeMessage ask = mailTo(email, 3).get(2);
    String confirm = linkIn(ask, CONFIRM_LINK);
    assertFalse(part(ask, "text/plain").contains("third parties"), part(ask, "text/plain"));
    Reply shown = anonymous.get(confirm);
    assertEquals(200, shown.status(), shown::toString);
    assertFalse(granted(id, "NEWSLETTER"), "opening the link (a scanner may) grants nothing");
    Reply confirmed = anonymous.postForm(confirm, "confirm=1");
    assertEquals(200, confirmed.status(), confirmed::toString);
    assertTrue(granted(id, "NEWSLETTER"), "the person's confirmed opt-in counts");
    assertTrue(granted(id, "SURVEY"));
    assertFalse(granted(id, "THIRD_PARTY_SHARING"));
    JsonObject event = lastEvent(id);
    assertEquals("preference-page", event.getString("source"));
    assertEquals("data-subject", event.getString("actor"));
    assertTrue(event.getString("evidence").startsWith("confirmation "), event.toString());

    assertEquals(400, anonymous.postForm(confirm, "confirm=1").status(), "a link works once");
  }

  @Test
  void aPurposeLinkOnlyWithdrawsItsOwnPurposeAndOpensNothingElse() throws Exception {
    String email = uniqueEmail();
    String id = newCustomer(email, "vi");
    String link = grantedLink(id, email, "NEWSLETTER");
    String preferences = linkIn(mailTo(email, 1).get(0), PREFERENCES_LINK);
    String token = link.substring(link.indexOf("t=") + 2);
    String attack = preferences.replaceAll("t=.*", "t=" + token);

    Reply granting =
        anonymous.postForm(attack, "submitted=1&purpose=THIRD_PARTY_SHARING&purpose=SURVEY");
    assertEquals(400, granting.status(), granting::toString);
    assertEquals(400, anonymous.get(attack).status(), "no preference page either");
    assertTrue(granted(id, "NEWSLETTER"), "nothing withdrawn");
    assertFalse(granted(id, "SURVEY"), "nothing granted");
    assertFalse(granted(id, "THIRD_PARTY_SHARING"));
    assertEquals(1, consents(id).getJsonArray("history").size(), "nothing recorded");

    Reply unsubscribePage = anonymous.get(link);
    assertEquals(200, unsubscribePage.status());
    assertFalse(
        unsubscribePage.body().contains("/preferences"),
        "the unsubscribe page hands out no preferences link: " + unsubscribePage.body());
    String preferencesToken = preferences.substring(preferences.indexOf("t=") + 2);
    Reply wrongWay =
        anonymous.postForm(
            link.replaceAll("t=.*", "t=" + preferencesToken), "List-Unsubscribe=One-Click");
    assertEquals(400, wrongWay.status(), "a preferences link is no unsubscribe link");
    assertTrue(granted(id, "NEWSLETTER"));

    Reply shared = grant(id, "THIRD_PARTY_SHARING", true);
    assertEquals(200, shared.status(), shared::toString);
    Reply page = anonymous.get(preferences);
    assertTrue(page.body().contains("value=\"THIRD_PARTY_SHARING\" checked"), page.body());
    anonymous.postForm(preferences, "submitted=1&purpose=NEWSLETTER");
    assertFalse(granted(id, "THIRD_PARTY_SHARING"), "sharing can be withdrawn there");
    assertTrue(granted(id, "NEWSLETTER"));
  }

  @Test
  void anExpiredConfirmationLinkGrantsNothing() throws Exception {
    String email = uniqueEmail();
    String id = newCustomer(email, "en");
    grant(id, "RENEWAL_REMINDER", true);
    String preferences = linkIn(mailTo(email, 1).get(0), PREFERENCES_LINK);
    anonymous.postForm(preferences, "submitted=1&purpose=RENEWAL_REMINDER&purpose=SURVEY");
    String confirm = linkIn(mailTo(email, 2).get(1), CONFIRM_LINK);
    try (Connection db = postgres.connect(databaseUrl)) {
      db.createStatement()
          .executeUpdate(
              "update consent_confirmation set expires_at = now() - interval '1 second'"
                  + " where customer_id = '"
                  + id
                  + "'");
    }

    assertEquals(400, anonymous.get(confirm).status());
    assertEquals(400, anonymous.postForm(confirm, "confirm=1").status());
    assertFalse(granted(id, "SURVEY"));
  }

  @Test
  void aFloodOfViewsOfOneLinkIsAuditedOnce() throws Exception {
    String email = uniqueEmail();
    String id = newCustomer(email, "vi");
    String link = grantedLink(id, email, "SURVEY");

    for (int i = 0; i < 30; i++) {
      assertEquals(200, anonymous.get(link).status());
    }

    long views =
        admin.get("/api/v1/audit?size=500&customerId=" + id).items().stream()
            .map(e -> e.asJsonObject().getString("action"))
            .filter("UNSUBSCRIBE_PAGE_VIEWED"::equals)
            .count();
    assertEquals(1, views);
  }

  static String linkIn(MimeMessage message, Pattern link) {
    Matcher found = link.matcher(part(message, "text/plain"));
    assertTrue(found.find(), "the message has the link: " + part(message, "text/plain"));
    return found.group(1);
  }

  @Test
  void badConsentInputIsRefusedWithClearErrors() {
    String id = newCustomer(uniqueEmail(), "vi");
    String path = "/api/v1/customers/" + id + "/consents/";

    Reply unknownPurpose = admin.put(path + "SPAM", "{\"granted\":true,\"source\":\"web\"}");
    assertEquals(400, unknownPurpose.status(), unknownPurpose::toString);
    assertEquals("application/problem+json", unknownPurpose.header("Content-Type"));
    Reply noSource = admin.put(path + "NEWSLETTER", "{\"granted\":true}");
    assertEquals(400, noSource.status(), noSource::toString);
    assertEquals(
        "source", noSource.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    Reply reserved = admin.put(path + "NEWSLETTER", "{\"granted\":true,\"source\":\"email-link\"}");
    assertEquals(400, reserved.status(), reserved::toString);
    Reply unknownCustomer =
        admin.put(
            "/api/v1/customers/" + UUID.randomUUID() + "/consents/SURVEY",
            "{\"granted\":true,\"source\":\"web\"}");
    assertEquals(404, unknownCustomer.status());
    assertEquals(0, consents(id).getJsonArray("history").size(), "nothing was recorded");
    assertEquals(403, custodianAs("MARKETING").get(path.replaceAll("/$", "")).status());
  }

  private static Api custodianAs(String role) {
    String name = role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
    return admin.newAccount(name, "password-" + name, role);
  }

  @Test
  void consentIsOnTheRecordInTheExportAndInTheAuditTrail() throws Exception {
    String email = uniqueEmail();
    String id = newCustomer(email, "vi");
    grant(id, "RENEWAL_REMINDER", true);
    mailTo(email, 1);

    JsonObject customer = admin.get("/api/v1/customers/" + id).json();
    JsonObject renewal = customer.getJsonObject("consents").getJsonObject("RENEWAL_REMINDER");
    assertTrue(renewal.getBoolean("granted"));
    assertFalse(customer.getJsonObject("consents").getJsonObject("SURVEY").getBoolean("granted"));

    JsonObject export = admin.get("/api/v1/customers/" + id + "/export").json();
    // each feature contributes its section; the document keeps the order a record had (by name)
    assertEquals(
        List.of(
            "consentHistory",
            "contracts",
            "disclosures",
            "exportedAt",
            "messages",
            "notices",
            "privacyRequests",
            "profile",
            "renewalReminders"),
        List.copyOf(export.keySet()));
    JsonObject event = export.getJsonArray("consentHistory").getJsonObject(0);
    assertEquals("RENEWAL_REMINDER", event.getString("purpose"));
    assertEquals("form 7", event.getString("evidence"));
    assertEquals("2026-01", event.getString("policyVersion"));
    assertEquals("admin", event.getString("actor"));

    List<String> actions =
        admin.get("/api/v1/audit?size=500&customerId=" + id).items().stream()
            .map(e -> e.asJsonObject().getString("action"))
            .toList();
    assertTrue(actions.containsAll(List.of("CONSENT_GRANTED", "EMAIL_SENT")), actions::toString);

    String dump = DatabaseDump.of(postgres, databaseUrl);
    assertFalse(dump.contains("form 7"), "evidence is encrypted at rest");
    assertFalse(dump.contains(email), "no address in any table");
    assertFalse(custodian.log().contains(email), "no address in the log");
  }

  @Test
  void anErasedPersonsLinksStopWorkingAndTheAddressStaysSuppressed() throws Exception {
    String email = uniqueEmail();
    String id = newCustomer(email, "vi");
    String link = grantedLink(id, email, "NEWSLETTER");

    assertEquals(204, admin.delete("/api/v1/customers/" + id).status());

    assertEquals(400, anonymous.postForm(link, "List-Unsubscribe=One-Click").status());
    Reply lookup = admin.post("/api/v1/suppressions/lookup", "{\"email\":\"%s\"}".formatted(email));
    assertEquals(200, lookup.status(), lookup::toString);
    assertEquals(
        "ERASED", lookup.json().getJsonArray("entries").getJsonObject(0).getString("reason"));
  }
}
