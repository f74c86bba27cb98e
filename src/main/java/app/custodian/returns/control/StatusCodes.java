package app.custodian.returns.control;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Enhanced status codes (RFC 3463, {@code class.subject.detail}) and what they mean for the
 * address.
 *
 * <p>The class decides: {@code 5.x.x} is a hard bounce, {@code 4.x.x} a soft one, whatever the
 * DSN's {@code Action} says. So {@code Action: failed} with {@code 4.x.x} (RFC 3464's own Simple
 * DSN; Postfix after its retries) is soft: the sending MTA gave up, but the receiver said the
 * condition is temporary, so the address itself may well be good; soft bounces still suppress it
 * once they reach {@code CUSTODIAN_SOFT_BOUNCE_LIMIT}.
 *
 * <p>{@code 5.2.2}, mailbox full, is hard too, as the contract (api.md, "Mail returns") states for
 * every 5.x.x: RFC 3463 allows X.2.2 for persistent transient errors, but a receiver that answers
 * with class 5 says it will not take the message.
 */
final class StatusCodes {

  enum Severity {
    HARD,
    SOFT;

    static Severity worse(Severity one, Severity other) {
      return one == HARD || other == HARD ? HARD : one != null ? one : other;
    }
  }

  private static final String CODE = "([245]\\.\\d{1,3}\\.\\d{1,3})(?![.\\d])";
  private static final Pattern ANY = Pattern.compile("(?<![\\w.])" + CODE);
  private static final Pattern STATUS_FIELD =
      Pattern.compile("(?im)^[ \\t]{0,20}Status:[ \\t]{0,20}" + CODE);
  private static final Pattern AFTER_REPLY =
      Pattern.compile("(?<![\\w.])[245]\\d\\d(?:[ -]{1,5}[245]\\d\\d){0,3}[ -]{1,5}#?" + CODE);
  private static final Pattern REPLY_CODE =
      Pattern.compile("(?<![\\w.\\[:#-])([45][0-5]\\d)(?=[ -][A-Za-z<#\\d])");

  private StatusCodes() {}

  /** The first enhanced code of a field value such as {@code Status: 5.1.1 (user unknown)}. */
  static Optional<String> in(String value) {
    return find(ANY, value);
  }

  /**
   * The enhanced code that a bounce text states: a {@code Status:} line, else the code after an
   * SMTP reply ({@code 550 5.1.1}), else the first code anywhere.
   */
  static Optional<String> inText(String text) {
    return find(STATUS_FIELD, text).or(() -> find(AFTER_REPLY, text)).or(() -> find(ANY, text));
  }

  /** The position of the code {@link #inText} returns, or -1. */
  static int positionInText(String text, String code) {
    for (Pattern pattern : new Pattern[] {STATUS_FIELD, AFTER_REPLY, ANY}) {
      Matcher matcher = pattern.matcher(text);
      if (matcher.find() && matcher.group(1).equals(code)) {
        return matcher.start(1);
      }
    }
    return text.indexOf(code);
  }

  /** A basic SMTP reply code (RFC 5321) in a text that has no enhanced code, e.g. {@code 450}. */
  static Optional<Matcher> replyCode(String text) {
    Matcher matcher = REPLY_CODE.matcher(text);
    return matcher.find() ? Optional.of(matcher) : Optional.empty();
  }

  /** HARD for 5.x.x, SOFT for 4.x.x; empty for 2.x.x. */
  static Optional<Severity> severity(String code) {
    if (code.startsWith("5.")) {
      return Optional.of(Severity.HARD);
    }
    if (code.startsWith("4.")) {
      return Optional.of(Severity.SOFT);
    }
    return Optional.empty();
  }

  private static Optional<String> find(Pattern pattern, String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher matcher = pattern.matcher(text);
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }
}
