package app.custodian.returns.control;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A diagnostic fit to store: every email address, bracketed name, IP address, long number and URL
 * query replaced, white space collapsed, at most {@value #MAX_LENGTH} characters. Receivers quote
 * the recipient in many shapes ({@code <a@b>}, {@code a@b}, {@code user a unknown}), so the known
 * addresses' local parts go too.
 */
final class DiagnosticRedaction {

  static final int MAX_LENGTH = 200;
  static final String ADDRESS = "<address>";
  private static final int MAX_INPUT = 2_000;

  private static final Pattern EMAIL_LIKE =
      Pattern.compile("[^\\s<>()\\[\\]:;,\"']+@[^\\s<>()\\[\\]:;,\"']*");
  private static final Pattern QUOTED_LOCAL_PART =
      Pattern.compile("\"[^\"]{0,64}\"@[^\\s<>()\\[\\]:;,\"']*");
  // Whatever is left with an @ in it: an address in a shape the patterns above do not know.
  private static final Pattern ANY_AT = Pattern.compile("\\S*@\\S*");
  private static final Pattern BRACKETED = Pattern.compile("<[^<>]{1,200}>");
  private static final Pattern URL = Pattern.compile("(?i)\\b(https?://[^/\\s?#<>\"]+)[^\\s<>\"]*");
  private static final Pattern IPV4 =
      Pattern.compile("(?<![\\w.])\\d{1,3}(?:\\.\\d{1,3}){3}(?![\\w.]*\\d)");
  private static final Pattern IPV6 =
      Pattern.compile("(?i)(?<![\\w:])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![\\w:])");
  private static final Pattern NESTED = Pattern.compile("<+address>+");
  // Phone numbers and the like; no dots, so that "451 4.7.650" stays.
  private static final Pattern LONG_NUMBER = Pattern.compile("\\+?\\d[\\d \\-()]{6,}\\d");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\s]+");

  private DiagnosticRedaction() {}

  static String redact(String text, Collection<String> knownAddresses) {
    if (text == null || text.isBlank()) {
      return "";
    }
    String result = CONTROL.matcher(beginning(text)).replaceAll(" ").strip();
    result = URL.matcher(result).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "/…"));
    for (String address : knownAddresses) {
      result = replaceIgnoringCase(result, address);
      int at = address.indexOf('@');
      if (at >= 3) {
        result = replaceIgnoringCase(result, address.substring(0, at));
      }
    }
    result = QUOTED_LOCAL_PART.matcher(result).replaceAll(Matcher.quoteReplacement(ADDRESS));
    result = EMAIL_LIKE.matcher(result).replaceAll(Matcher.quoteReplacement(ADDRESS));
    result = ANY_AT.matcher(result).replaceAll(Matcher.quoteReplacement(ADDRESS));
    result = BRACKETED.matcher(result).replaceAll(Matcher.quoteReplacement(ADDRESS));
    result = NESTED.matcher(result).replaceAll(Matcher.quoteReplacement(ADDRESS));
    result = IPV4.matcher(result).replaceAll("<ip>");
    result = IPV6.matcher(result).replaceAll(m -> isIpv6(m.group()) ? "<ip>" : m.group());
    result =
        LONG_NUMBER
            .matcher(result)
            .replaceAll(m -> digits(m.group()) >= 8 ? "<number>" : m.group());
    result = result.strip();
    if (result.codePointCount(0, result.length()) > MAX_LENGTH) {
      result = result.substring(0, result.offsetByCodePoints(0, MAX_LENGTH));
    }
    return result;
  }

  /**
   * The first {@value #MAX_INPUT} characters, cut at white space so that no address is cut in two
   * (the rest of a cut address would survive redaction); the result is far shorter anyway.
   */
  private static String beginning(String text) {
    if (text.length() <= MAX_INPUT) {
      return text;
    }
    int cut = MAX_INPUT;
    while (cut > 0 && !Character.isWhitespace(text.charAt(cut))) {
      cut--;
    }
    return text.substring(0, cut);
  }

  private static String replaceIgnoringCase(String text, String literal) {
    if (literal == null || literal.isBlank()) {
      return text;
    }
    return Pattern.compile(
            "(?<![\\w.+\\-])" + Pattern.quote(literal) + "(?![\\w+\\-]|\\.\\w)",
            Pattern.CASE_INSENSITIVE)
        .matcher(text)
        .replaceAll(Matcher.quoteReplacement(ADDRESS));
  }

  // Times such as 23:34:45 have colons too: an IPv6 address has "::" or at least four colons.
  private static boolean isIpv6(String candidate) {
    return candidate.contains("::")
        ? candidate.length() > 2
        : candidate.chars().filter(c -> c == ':').count() >= 4;
  }

  private static long digits(String text) {
    return text.chars().filter(Character::isDigit).count();
  }
}
