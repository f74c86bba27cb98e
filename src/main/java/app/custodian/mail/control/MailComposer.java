package app.custodian.mail.control;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns rendered content into the message one recipient gets: the subject labelled for its
 * category, the footer with the sender's identity and the unsubscribe text (Decree 91/2020), and
 * the one-click unsubscribe headers (RFC 2369, RFC 8058).
 */
public class MailComposer {

  private static final Pattern BODY_END = Pattern.compile("</body\\s*>", Pattern.CASE_INSENSITIVE);

  private final Sender sender;

  public MailComposer(Sender sender) {
    this.sender = Objects.requireNonNull(sender, "sender");
  }

  /**
   * @param links the recipient's unsubscribe links; null only for a message that no purpose governs
   *     (it then carries no unsubscribe text and no list headers)
   * @throws IllegalArgumentException for advertising without unsubscribe links
   */
  public OutboundMail compose(
      String to,
      String locale,
      RenderedContent content,
      MailCategory category,
      UnsubscribeLinks links) {
    if (category == MailCategory.ADVERTISING && links == null) {
      throw new IllegalArgumentException(
          "An advertising email needs an unsubscribe link (Decree 91/2020)");
    }
    RenderedContent footer = MailTemplates.footer(locale).render(footerValues(category, links));
    String text = content.text().stripTrailing() + "\n\n" + footer.text();
    String html = content.html() == null ? null : withFooter(content.html(), footer.html());
    return new OutboundMail(
        to, Subjects.label(content.subject(), category), text, html, headers(links));
  }

  private Map<String, Object> footerValues(MailCategory category, UnsubscribeLinks links) {
    Map<String, Object> values = new HashMap<>();
    values.put("companyName", sender.companyName());
    values.put("companyAddress", sender.companyAddress());
    values.put("hasAddress", !sender.companyAddress().isEmpty());
    values.put("advertising", category == MailCategory.ADVERTISING);
    values.put("hasLinks", links != null);
    if (links != null) {
      values.put("unsubscribeUrl", links.url());
      values.put("preferencesUrl", links.preferencesUrl());
      values.put("hasPreferences", links.preferencesUrl() != null);
    }
    return values;
  }

  /** Puts the footer inside the body element when the HTML is a whole document. */
  private static String withFooter(String html, String footer) {
    Matcher matcher = BODY_END.matcher(html);
    int end = -1;
    while (matcher.find()) {
      end = matcher.start();
    }
    return end < 0 ? html + "\n" + footer : html.substring(0, end) + footer + html.substring(end);
  }

  private static Map<String, String> headers(UnsubscribeLinks links) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (links != null) {
      String value = "<" + links.url() + ">";
      if (links.mailto() != null) {
        value += ", <" + links.mailto() + ">";
      }
      headers.put("List-Unsubscribe", value);
      headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }
    return headers;
  }
}
