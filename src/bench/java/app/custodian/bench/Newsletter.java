package app.custodian.bench;

import jakarta.json.Json;

/**
 * The benchmark's campaign: a two-part Vietnamese newsletter as marketing would write it (Mustache
 * templates for Custodian), and the same message rendered by plain string replacement for the
 * baseline, with a footer and list headers like the ones Custodian adds.
 */
final class Newsletter {

  static final String SUBJECT = "Bản tin tháng 11: ưu đãi dành riêng cho {{fullName}}";

  static final String TEXT =
      """
      Xin chào {{fullName}},

      Cảm ơn anh/chị đã đồng hành cùng chúng tôi trong năm qua. Tháng này chúng tôi giới thiệu \
      gói bảo hiểm sức khỏe gia đình mới, với mức phí ưu đãi 15% cho khách hàng đăng ký trước \
      ngày 31 tháng 12.

      Những điểm nổi bật:
      - Bảo vệ cả gia đình trong một hợp đồng, tối đa sáu thành viên.
      - Thanh toán viện phí trực tiếp tại hơn 300 bệnh viện trên toàn quốc.
      - Tư vấn sức khỏe miễn phí qua điện thoại 24/7.

      Lịch hội thảo trực tuyến: 19 giờ thứ Năm hằng tuần, đăng ký tại trang web của chúng tôi.

      Trân trọng,
      Phòng Chăm sóc Khách hàng

      Quản lý lựa chọn nhận thư: {{preferencesUrl}}
      Hủy đăng ký nhận bản tin: {{unsubscribeUrl}}
      """;

  static final String HTML =
      """
      <!DOCTYPE html>
      <html lang="vi"><head><meta charset="utf-8"><title>Bản tin tháng 11</title></head>
      <body style="font-family:Arial,sans-serif;color:#222222;max-width:600px">
      <h1 style="font-size:20px">Xin chào {{fullName}},</h1>
      <p>Cảm ơn anh/chị đã đồng hành cùng chúng tôi trong năm qua. Tháng này chúng tôi giới thiệu
      gói <strong>bảo hiểm sức khỏe gia đình</strong> mới, với mức phí ưu đãi 15% cho khách hàng
      đăng ký trước ngày 31 tháng 12.</p>
      <ul>
      <li>Bảo vệ cả gia đình trong một hợp đồng, tối đa sáu thành viên.</li>
      <li>Thanh toán viện phí trực tiếp tại hơn 300 bệnh viện trên toàn quốc.</li>
      <li>Tư vấn sức khỏe miễn phí qua điện thoại 24/7.</li>
      </ul>
      <p>Lịch hội thảo trực tuyến: 19 giờ thứ Năm hằng tuần, đăng ký tại trang web của chúng
      tôi.</p>
      <p>Trân trọng,<br>Phòng Chăm sóc Khách hàng</p>
      <p style="font-size:12px"><a href="{{preferencesUrl}}">Quản lý lựa chọn nhận thư</a> ·
      <a href="{{unsubscribeUrl}}">Hủy đăng ký nhận bản tin</a></p>
      </body></html>
      """;

  static final String FROM = "no-reply@localhost";
  static final String COMPANY_NAME = "Công ty Bảo hiểm Custodian";
  static final String COMPANY_ADDRESS = "123 Lý Thường Kiệt, Hoàn Kiếm, Hà Nội";

  /** Like Custodian's Vietnamese footer of an advertising email. */
  private static final String TEXT_FOOTER =
      """
      ---
      Đây là thư quảng cáo từ %1$s.
      %1$s
      %2$s
      Để ngừng nhận thư này, bấm vào đây: {{unsubscribeUrl}}
      Quản lý lựa chọn nhận thư: {{preferencesUrl}}
      """
          .formatted(COMPANY_NAME, COMPANY_ADDRESS);

  private static final String HTML_FOOTER =
      """
      <div style="margin-top:24px;padding-top:12px;border-top:1px solid #cccccc;\
      font-size:12px;color:#555555">
      <p>Đây là thư quảng cáo từ %1$s.</p>
      <p>%1$s<br>%2$s</p>
      <p>Để ngừng nhận thư này, bấm vào đây: <a href="{{unsubscribeUrl}}">{{unsubscribeUrl}}</a></p>
      <p>Quản lý lựa chọn nhận thư: <a href="{{preferencesUrl}}">{{preferencesUrl}}</a></p>
      </div>
      """
          .formatted(COMPANY_NAME, COMPANY_ADDRESS);

  private Newsletter() {}

  /** One recipient's message for the baseline. */
  record Rendered(String subject, String text, String html, String listUnsubscribe) {}

  /** With the links and headers Custodian would put in: tokens in the URLs and a mailto. */
  static Rendered render(
      String fullName, String baseUrl, String unsubscribeToken, String preferencesToken) {
    String unsubscribeUrl = baseUrl + "/unsubscribe?t=" + unsubscribeToken;
    String preferencesUrl = baseUrl + "/preferences?t=" + preferencesToken;
    String subject = "[QC] " + fill(SUBJECT, fullName, unsubscribeUrl, preferencesUrl);
    String text =
        fill(TEXT.stripTrailing() + "\n\n" + TEXT_FOOTER, fullName, unsubscribeUrl, preferencesUrl);
    int bodyEnd = HTML.lastIndexOf("</body>");
    String html =
        fill(
            HTML.substring(0, bodyEnd) + HTML_FOOTER + HTML.substring(bodyEnd),
            fullName,
            unsubscribeUrl,
            preferencesUrl);
    String listUnsubscribe =
        "<%s>, <mailto:%s?subject=unsubscribe%%20%s>"
            .formatted(unsubscribeUrl, FROM, unsubscribeToken);
    return new Rendered(subject, text, html, listUnsubscribe);
  }

  private static String fill(String template, String name, String unsubscribe, String preferences) {
    return template
        .replace("{{fullName}}", name)
        .replace("{{unsubscribeUrl}}", unsubscribe)
        .replace("{{preferencesUrl}}", preferences);
  }

  /** The body of {@code POST /api/v1/campaigns} for this newsletter, under the given name. */
  static String campaign(String name) {
    return Json.createObjectBuilder()
        .add("name", name)
        .add("purpose", "NEWSLETTER")
        .add("subject", SUBJECT)
        .add("textBody", TEXT)
        .add("htmlBody", HTML)
        .add("advertising", true)
        .build()
        .toString();
  }
}
