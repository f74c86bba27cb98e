package app.custodian.privacy.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.mail.control.MailTemplates;
import app.custodian.mail.control.RenderedContent;
import app.custodian.privacy.entity.PrivacyEmailKind;
import app.custodian.privacy.entity.RequestType;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every email about a request renders in both languages, says what it must and sells nothing. */
class PrivacyTemplatesTest {

  static Map<String, Object> values(String language, boolean named, String code) {
    Map<String, Object> values = new HashMap<>();
    values.put("hasName", named);
    values.put("fullName", "Trần <Thị> Mai");
    values.put("privacyContact", "dpo@custodian.test");
    values.put("companyName", "Custodian");
    values.put("hasCode", code != null);
    values.put("code", code == null ? "" : code);
    values.put("codeHours", 24L);
    values.put("link", "https://custodian.test/privacy/verify?t=abc");
    values.put("linkHours", 24L);
    values.put("reference", "0b6c7c1e-0000-4000-8000-000000000001");
    values.put("typeName", PrivacyMessages.typeName(RequestType.ERASURE, language));
    values.put("dueBy", PrivacyMessages.date(LocalDate.parse("2026-04-13"), language));
    values.put("reason", "legal hold: Court order 17/2026");
    return values;
  }

  @Test
  void everyNoticeRendersInBothLanguages() {
    for (PrivacyEmailKind kind : PrivacyEmailKind.values()) {
      for (String language : new String[] {"vi", "en"}) {
        RenderedContent content =
            MailTemplates.load(kind.template(), language).render(values(language, true, "042917"));
        String all = content.subject() + content.text() + content.html();
        assertFalse(all.contains("[QC]"), kind + " " + language);
        assertFalse(content.subject().isBlank());
        assertTrue(content.text().contains("dpo@custodian.test") || kind == PrivacyEmailKind.LINK);
        assertTrue(content.html().contains("Trần &lt;Thị&gt; Mai"), content.html());
        if (kind != PrivacyEmailKind.LINK) {
          assertTrue(
              content.text().contains("0b6c7c1e-0000-4000-8000-000000000001"), content.text());
        }
      }
    }
  }

  @Test
  void theCodeAppearsOnlyWhenThereIsOne() {
    RenderedContent withCode =
        MailTemplates.load("privacy-acknowledgement", "vi").render(values("vi", true, "042917"));
    assertTrue(withCode.text().contains("mã xác minh sau cho nhân viên của chúng tôi: 042917"));
    assertTrue(withCode.html().contains("<strong>042917</strong>"), withCode.html());
    RenderedContent without =
        MailTemplates.load("privacy-acknowledgement", "en").render(values("en", true, null));
    assertFalse(without.text().contains("verification code"), without.text());
    assertTrue(without.text().contains("13 April 2026"), without.text());
  }

  @Test
  void reasonsLinksAndTheGreetingOfAnErasedPerson() {
    RenderedContent refused =
        MailTemplates.load("privacy-refused", "vi").render(values("vi", false, null));
    assertTrue(refused.text().startsWith("Kính gửi Quý khách,"), refused.text());
    assertTrue(refused.text().contains("Lý do: legal hold: Court order 17/2026"), refused.text());
    assertTrue(refused.text().contains("Xóa dữ liệu cá nhân của tôi"), refused.text());
    RenderedContent extended =
        MailTemplates.load("privacy-extended", "en").render(values("en", true, null));
    assertTrue(extended.text().contains("Why: legal hold"), extended.text());
    RenderedContent link =
        MailTemplates.load("privacy-link", "en").render(values("en", true, null));
    assertTrue(link.text().contains("https://custodian.test/privacy/verify?t=abc"), link.text());
    assertTrue(link.html().contains("href=\"https://custodian.test/privacy/verify?t=abc\""));
  }
}
