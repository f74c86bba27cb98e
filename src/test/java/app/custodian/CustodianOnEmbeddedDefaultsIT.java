package app.custodian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.testing.Api;
import app.custodian.testing.Api.Reply;
import app.custodian.testing.CustodianProcess;
import app.custodian.testing.Outbox;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged application with no settings at all, as a new user first runs it. */
class CustodianOnEmbeddedDefaultsIT {

  private static final Pattern GENERATED_PASSWORD =
      Pattern.compile("admin with the generated password (\\S+)");

  @TempDir Path workDir;

  @Test
  void runsWithNoSettingsAndKeepsItsDataAcrossRestarts() throws Exception {
    CustodianProcess first = new CustodianProcess(workDir, Map.of()).start();
    String customerId;
    String password;
    try {
      Matcher m = GENERATED_PASSWORD.matcher(first.log());
      assertTrue(m.find(), "the generated admin password is printed once");
      password = m.group(1);
      assertTrue(
          first.log().contains("CUSTODIAN_PII_KEY is not set"), "a missing key is warned about");
      Api admin = first.api("admin", password);
      Reply created =
          admin.post(
              "/api/v1/customers",
              "{\"fullName\":\"Ngô Bảo Châu\",\"email\":\"chau@example.vn\",\"phone\":\"0912000111\"}");
      assertEquals(201, created.status(), created::toString);
      customerId = created.json().getString("id");
      grantThenUnsubscribeThroughTheOutbox(admin, customerId);
    } finally {
      first.stop();
    }
    assertTrue(Files.exists(workDir.resolve("data/db/custodian.mv.db")), "H2 file under ./data");
    assertTrue(Files.exists(workDir.resolve("data/keys/pii.key")), "generated key kept in ./data");

    CustodianProcess second = new CustodianProcess(workDir, Map.of()).start();
    try {
      assertEquals(1, countMatches(GENERATED_PASSWORD, second.log()), "admin is created only once");
      Reply read = second.api("admin", password).get("/api/v1/customers/" + customerId);
      assertEquals(200, read.status(), read::toString);
      assertEquals("Ngô Bảo Châu", read.json().getString("fullName"));
      assertEquals("+84912000111", read.json().getString("phone"));
      assertTrue(second.api(null, null).get("/api/v1/audit/verify").status() == 401);
      assertTrue(
          second.api("admin", password).get("/api/v1/audit/verify").json().getBoolean("valid"));
    } finally {
      second.stop();
    }
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

  private static int countMatches(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
