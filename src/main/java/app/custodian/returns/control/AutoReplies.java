package app.custodian.returns.control;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Auto-replies: {@code Auto-Submitted} other than {@code no} (RFC 3834), the common non-standard
 * markers ({@code X-Autoreply}, {@code X-Autorespond}, {@code X-Autoresponder}, {@code Precedence:
 * auto_reply}, Apple's {@code X-Apple-Action: VACATION}), the subjects of vacation and
 * out-of-office replies in several languages, and {@code Precedence: bulk} or {@code junk} on a
 * message with a null return path, which RFC 3834 asks auto-responders to use. Checked after
 * bounces, which carry {@code Auto-Submitted} too.
 */
final class AutoReplies {

  private static final Pattern SUBJECT =
      Pattern.compile(
          "(?iu)auto(?:matic)?[ -]?(?:reply|response|answer)|autoreply|autorespon|out of (?:the )?office"
              + "|automatische antwort|abwesenheitsnotiz|r[ée]ponse automatique"
              + "|respuesta autom[áa]tica|risposta automatica|resposta autom[áa]tica"
              + "|automatyczna odpowied|automatisch antwoord|trả lời tự động|tra loi tu dong"
              + "|自動応答|自动回复|自動回覆");

  /** The header values that decide; null where a field is absent. */
  record Markers(
      String autoSubmitted,
      String xAutoreply,
      String xAutorespond,
      String xAutoresponder,
      String precedence,
      String appleAction,
      String returnPath,
      String subject) {}

  private AutoReplies() {}

  static boolean isAutoReply(Markers markers) {
    String autoSubmitted = lower(markers.autoSubmitted());
    if (!autoSubmitted.isEmpty() && !autoSubmitted.startsWith("no")) {
      return true;
    }
    if (markers.xAutoreply() != null
        || markers.xAutorespond() != null
        || markers.xAutoresponder() != null) {
      return true;
    }
    String precedence = lower(markers.precedence());
    if (precedence.startsWith("auto_reply") || precedence.startsWith("auto-reply")) {
      return true;
    }
    if (lower(markers.appleAction()).startsWith("vacation")) {
      return true;
    }
    if (markers.subject() != null && SUBJECT.matcher(markers.subject()).find()) {
      return true;
    }
    boolean nullReturnPath =
        markers.returnPath() != null && markers.returnPath().replaceAll("[\\s<>]", "").isEmpty();
    return nullReturnPath && (precedence.startsWith("bulk") || precedence.startsWith("junk"));
  }

  private static String lower(String value) {
    return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
  }
}
