package app.custodian.mail.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MailTemplateTest {

  private static final String NAME = "<script>alert(\"x\")</script> Tôm & 'Cua'";

  private final MailTemplate template =
      MailTemplate.of(
          "Chào {{fullName}}", "Xin chào {{fullName}}!", "<p>Xin chào {{fullName}}!</p>");

  @Test
  void escapesValuesInHtmlOnly() {
    RenderedContent content = template.render(Map.of("fullName", NAME));

    assertEquals(
        "<p>Xin chào &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Tôm &amp; &#39;Cua&#39;!</p>",
        content.html());
    assertEquals("Xin chào " + NAME + "!", content.text());
    assertEquals("Chào " + NAME, content.subject());
  }

  @Test
  void keepsVietnameseText() {
    RenderedContent content = template.render(Map.of("fullName", "Nguyễn Thị Ánh Tuyết"));

    assertEquals("Chào Nguyễn Thị Ánh Tuyết", content.subject());
    assertEquals("Xin chào Nguyễn Thị Ánh Tuyết!", content.text());
    assertEquals("<p>Xin chào Nguyễn Thị Ánh Tuyết!</p>", content.html());
  }

  @Test
  void missingOrNullValuesRenderAsNothing() {
    RenderedContent content = template.render(Map.of());
    assertEquals("Chào", content.subject());
    assertEquals("Xin chào !", content.text());
    assertEquals("<p>Xin chào !</p>", content.html());

    java.util.Map<String, Object> withNull = new java.util.HashMap<>();
    withNull.put("fullName", null);
    assertEquals("Xin chào !", template.render(withNull).text());

    MailTemplate sections = MailTemplate.of("s", "{{#items}}{{name}}{{/items}}{{a.b}}.", null);
    assertEquals(".", sections.render(Map.of()).text());
  }

  @Test
  void subjectComesOutOnOneLine() {
    MailTemplate multiLine = MailTemplate.of("  Chào\n{{fullName}}\n", "t", null);
    assertEquals("Chào An", multiLine.render(Map.of("fullName", "An")).subject());
  }

  @Test
  void noHtmlTemplateMeansNoHtml() {
    assertNull(MailTemplate.of("s", "t", null).render(Map.of()).html());
  }

  @Test
  void invalidSyntaxNamesThePart() {
    IllegalArgumentException subject =
        assertThrows(IllegalArgumentException.class, () -> MailTemplate.of("{{#a}}", "t", null));
    assertTrue(subject.getMessage().contains("subject"), subject.getMessage());

    IllegalArgumentException text =
        assertThrows(
            IllegalArgumentException.class, () -> MailTemplate.of("s", "{{/oops}}", "<p></p>"));
    assertTrue(text.getMessage().contains("text"), text.getMessage());

    IllegalArgumentException html =
        assertThrows(
            IllegalArgumentException.class, () -> MailTemplate.of("s", "t", "<p>{{name</p>"));
    assertTrue(html.getMessage().contains("html"), html.getMessage());
    assertTrue(html.getMessage().contains("not closed"), html.getMessage());

    IllegalArgumentException empty =
        assertThrows(IllegalArgumentException.class, () -> MailTemplate.of("s", "t", "{{}}"));
    assertTrue(empty.getMessage().contains("html"), empty.getMessage());
  }

  @Test
  void partialsAreRefusedAtCompileTime() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> MailTemplate.of("s", "{{#a}}{{> footer}}{{/a}}", null));
    assertTrue(e.getMessage().contains("text") && e.getMessage().contains("footer"));
  }

  @Test
  void tellsWhetherEveryBodyShowsAVariable() {
    assertTrue(
        MailTemplate.of("s", "Bỏ theo dõi: {{unsubscribeUrl}}", "<a href=\"{{ unsubscribeUrl }}\">")
            .uses("unsubscribeUrl"));
    assertTrue(MailTemplate.of("s", "{{{unsubscribeUrl}}}", null).uses("unsubscribeUrl"));
    assertTrue(
        MailTemplate.of("s", "{{&unsubscribeUrl}}", "{{{unsubscribeUrl}}}").uses("unsubscribeUrl"));

    assertFalse(
        MailTemplate.of("s", "{{unsubscribeUrl}}", "<p>no link</p>").uses("unsubscribeUrl"));
    assertFalse(MailTemplate.of("s", "no link", "{{unsubscribeUrl}}").uses("unsubscribeUrl"));
    assertFalse(MailTemplate.of("{{unsubscribeUrl}}", "no link", null).uses("unsubscribeUrl"));
    assertFalse(MailTemplate.of("s", "{{unsubscribeUrlX}}", null).uses("unsubscribeUrl"));
    assertFalse(
        MailTemplate.of("s", "{{#never}}{{unsubscribeUrl}}{{/never}}", null).uses("unsubscribeUrl"),
        "a link inside a section may not be shown");
  }
}
