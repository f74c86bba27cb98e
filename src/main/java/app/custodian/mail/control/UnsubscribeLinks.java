package app.custodian.mail.control;

import java.util.Objects;

/**
 * The recipient's own links: {@code url} is the personal HTTPS one-click unsubscribe link, {@code
 * preferencesUrl} the preference page (may be null), {@code mailto} the mail alternative, e.g.
 * {@code mailto:no-reply@example.vn?subject=unsubscribe} (may be null).
 */
public record UnsubscribeLinks(String url, String preferencesUrl, String mailto) {

  public UnsubscribeLinks {
    Objects.requireNonNull(url, "url");
  }
}
