package app.custodian.mail.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MailTemplatesTest {

  private static final Map<String, String> AN = Map.of("fullName", "Nguyễn Văn An");

  @Test
  void loadsTheLocaleFromTheClassPath() {
    RenderedContent vi = MailTemplates.load("sample", "vi").render(AN);
    assertEquals("Chào Nguyễn Văn An", vi.subject());
    assertEquals("Xin chào Nguyễn Văn An,\n", vi.text());
    assertEquals("<p>Xin chào Nguyễn Văn An,</p>\n", vi.html());

    RenderedContent en = MailTemplates.load("sample", "en").render(AN);
    assertEquals("Hello Nguyễn Văn An", en.subject());
    assertNull(en.html(), "no English HTML file");
  }

  @Test
  void anyOtherLocaleFallsBackToVietnamese() {
    assertEquals(
        "Chào An", MailTemplates.load("sample", "fr").render(Map.of("fullName", "An")).subject());
    assertEquals(
        "Chào An", MailTemplates.load("sample", null).render(Map.of("fullName", "An")).subject());
  }

  @Test
  void compilesEachTemplateOnce() {
    assertSame(MailTemplates.load("sample", "vi"), MailTemplates.load("sample", "xx"));
  }

  @Test
  void unknownOrUnsafeNamesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> MailTemplates.load("missing", "vi"));
    assertThrows(IllegalArgumentException.class, () -> MailTemplates.load("../sample", "vi"));
  }
}
