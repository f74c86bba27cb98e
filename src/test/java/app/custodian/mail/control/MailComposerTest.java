package app.custodian.mail.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailComposerTest {

  static final UnsubscribeLinks LINKS =
      new UnsubscribeLinks(
          "https://custodian.example/unsubscribe?t=tok-1",
          "https://custodian.example/preferences?t=tok-1",
          "mailto:no-reply@custodian.example?subject=unsubscribe");

  private final MailComposer composer =
      new MailComposer(
          new Sender("Công ty Bảo Hiểm An Tâm", "12 Lê Lợi, Quận 1, TP. Hồ Chí Minh", "x@y"));

  private final RenderedContent offer =
      new RenderedContent(
          "Ưu đãi tháng 11", "Chào An,\nƯu đãi mới.\n", "<html><body><p>Chào An</p></body></html>");

  @Test
  void advertisingCarriesLabelFooterAndUnsubscribeHeaders() {
    OutboundMail mail =
        composer.compose("an@example.vn", "vi", offer, MailCategory.ADVERTISING, LINKS);

    assertEquals("an@example.vn", mail.to());
    assertEquals("[QC] Ưu đãi tháng 11", mail.subject());
    assertEquals(
        List.of(
            "Chào An,",
            "Ưu đãi mới.",
            "",
            "---",
            "Đây là thư quảng cáo từ Công ty Bảo Hiểm An Tâm.",
            "Công ty Bảo Hiểm An Tâm",
            "12 Lê Lợi, Quận 1, TP. Hồ Chí Minh",
            "Để ngừng nhận thư này, bấm vào đây: https://custodian.example/unsubscribe?t=tok-1",
            "Quản lý lựa chọn nhận thư: https://custodian.example/preferences?t=tok-1"),
        mail.text().lines().toList());

    String html = mail.html();
    assertTrue(html.startsWith("<html><body><p>Chào An</p><div"), html);
    assertTrue(html.endsWith("</div>\n</body></html>"), html);
    assertTrue(html.contains("<p>Đây là thư quảng cáo từ Công ty Bảo Hiểm An Tâm.</p>"), html);
    assertTrue(
        html.contains("<p>Công ty Bảo Hiểm An Tâm<br>12 Lê Lợi, Quận 1, TP. Hồ Chí Minh</p>"),
        html);
    String unsubscribeUrl = "https://custodian.example/unsubscribe?t=tok-1";
    assertTrue(
        html.contains(
            "Để ngừng nhận thư này, bấm vào đây: <a href=\""
                + unsubscribeUrl
                + "\">"
                + unsubscribeUrl
                + "</a>"),
        html);
    assertTrue(
        html.contains(
            "Quản lý lựa chọn nhận thư: <a href=\"https://custodian.example/preferences?t=tok-1\">"),
        html);

    assertEquals(
        List.of(
            Map.entry(
                "List-Unsubscribe",
                "<https://custodian.example/unsubscribe?t=tok-1>,"
                    + " <mailto:no-reply@custodian.example?subject=unsubscribe>"),
            Map.entry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")),
        List.copyOf(mail.headers().entrySet()));
  }

  @Test
  void englishFooter() {
    OutboundMail mail =
        composer.compose("an@example.vn", "en", offer, MailCategory.ADVERTISING, LINKS);

    assertTrue(
        mail.text().contains("This is an advertising message from Công ty Bảo Hiểm An Tâm."));
    assertTrue(
        mail.text()
            .contains(
                "To stop receiving these emails, open: https://custodian.example/unsubscribe?t=tok-1"));
    assertTrue(
        mail.text()
            .contains(
                "Manage your email preferences: https://custodian.example/preferences?t=tok-1"));
    assertTrue(mail.html().contains("To stop receiving these emails, open: <a href="));
  }

  @Test
  void serviceNoticeWithoutPurposeHasNoListHeadersNorUnsubscribeText() {
    RenderedContent notice =
        new RenderedContent(
            "[QC] Chính sách thay đổi", "Chính sách mới.", "<p>Chính sách mới.</p>");

    OutboundMail mail = composer.compose("an@example.vn", "vi", notice, MailCategory.SERVICE, null);

    assertEquals("Chính sách thay đổi", mail.subject());
    assertEquals(Map.of(), mail.headers());
    assertTrue(mail.text().contains("Công ty Bảo Hiểm An Tâm\n12 Lê Lợi"), mail.text());
    assertFalse(mail.text().contains("quảng cáo"));
    assertFalse(mail.text().contains("ngừng nhận"));
    assertTrue(mail.html().startsWith("<p>Chính sách mới.</p>\n<div"), mail.html());
    assertFalse(mail.html().contains("<a "));
  }

  @Test
  void purposeGovernedServiceNoticeCarriesTheLinkButNoAdvertisingLine() {
    RenderedContent reminder = new RenderedContent("Hợp đồng sắp hết hạn", "Còn 7 ngày.", null);

    OutboundMail mail =
        composer.compose("an@example.vn", "vi", reminder, MailCategory.SERVICE, LINKS);

    assertNull(mail.html());
    assertFalse(mail.text().contains("quảng cáo"));
    assertTrue(mail.text().contains("bấm vào đây: https://custodian.example/unsubscribe?t=tok-1"));
    assertEquals(2, mail.headers().size());
  }

  @Test
  void footerValuesAreEscapedInHtmlOnly() {
    MailComposer tricky = new MailComposer(new Sender("<b>Tôm & Cua</b>", "", "x@y"));

    OutboundMail mail =
        tricky.compose("an@example.vn", "vi", offer, MailCategory.ADVERTISING, LINKS);

    assertTrue(mail.html().contains("&lt;b&gt;Tôm &amp; Cua&lt;/b&gt;"), mail.html());
    assertFalse(mail.html().contains("<b>"), mail.html());
    assertTrue(mail.text().contains("Đây là thư quảng cáo từ <b>Tôm & Cua</b>."), mail.text());
    assertFalse(mail.html().contains("<br>"), "no address, no line for it");
  }

  @Test
  void linksWithoutMailtoGiveTheHttpsUriAlone() {
    UnsubscribeLinks httpsOnly = new UnsubscribeLinks("https://x/unsubscribe?t=1", null, null);

    OutboundMail mail =
        composer.compose("an@example.vn", "vi", offer, MailCategory.ADVERTISING, httpsOnly);

    assertEquals("<https://x/unsubscribe?t=1>", mail.headers().get("List-Unsubscribe"));
    assertFalse(mail.text().contains("Quản lý lựa chọn"));
  }

  @Test
  void advertisingWithoutUnsubscribeLinkIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> composer.compose("an@example.vn", "vi", offer, MailCategory.ADVERTISING, null));
  }
}
