package app.custodian.consent.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.consent.entity.Purpose;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublicPageTextsTest {

  @Test
  void bothLanguagesSayEverythingAndVietnameseIsTheDefault() {
    Texts vi = Texts.of("vi");
    Texts en = Texts.of("en");

    assertEquals(vi.forTemplates().keySet(), en.forTemplates().keySet());
    for (Purpose purpose : Purpose.values()) {
      assertFalse(vi.purpose(purpose).isBlank());
      assertFalse(en.purpose(purpose).isBlank());
    }
    assertEquals("vi", Texts.of("fr").locale());
    assertEquals("vi", Texts.of(null).locale());
    assertEquals("Bản tin và thông tin khuyến mại", vi.purpose(Purpose.NEWSLETTER));
  }

  @Test
  void pagesEscapeEveryValueAndWorkWithoutScript() {
    String html =
        PageTemplates.render(
            "preferences",
            Map.of(
                "t",
                Texts.of("en").forTemplates(),
                "title",
                "<script>alert(1)</script>",
                "actionUrl",
                "/preferences?t=abc&lang=en",
                "langUrl",
                "/preferences?t=abc&lang=vi",
                "purposes",
                List.of(Map.of("name", "NEWSLETTER", "label", "News & <offers>", "checked", true)),
                "saved",
                false));

    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
    assertTrue(html.contains("News &amp; &lt;offers&gt;"), html);
    assertTrue(html.contains("action=\"/preferences?t=abc&amp;lang=en\""), html);
    assertTrue(html.contains("value=\"NEWSLETTER\" checked"), html);
    assertFalse(html.contains("<script"), "no script anywhere");
    assertTrue(html.contains("<html lang=\"en\">"), html);
  }
}
