package app.custodian.campaign.control;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which schemes a link or source of a campaign may use. Browsers ignore tabs and line breaks inside
 * a URL and spaces or control characters around it, so those are dropped before the scheme is read:
 * {@code jav&#x09;ascript:} and {@code JaVaScRiPt:} are both {@code javascript:}.
 */
final class UrlSchemes {

  static final Set<String> LINKS = Set.of("http", "https", "mailto", "tel", "sms", "cid");
  static final Set<String> STYLES = Set.of("http", "https", "cid");

  private UrlSchemes() {}

  /**
   * The scheme of the URL (as decoded from the HTML) when it is not one of {@code allowed}; empty
   * for an allowed scheme and for a relative URL.
   */
  static Optional<String> refused(String url, Set<String> allowed) {
    String compact = compact(url);
    int colon = compact.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    String before = compact.substring(0, colon);
    if (before.chars().anyMatch(c -> c == '/' || c == '?' || c == '#')) {
      return Optional.empty(); // a path or query with a colon in it
    }
    String scheme = before.toLowerCase(Locale.ROOT);
    return allowed.contains(scheme) ? Optional.empty() : Optional.of(shorten(scheme) + ":");
  }

  /** The URLs of a {@code srcset}: each candidate's URL, before its width or density. */
  static Optional<String> refusedInSrcset(String srcset, Set<String> allowed) {
    for (String candidate : srcset.split(",")) {
      String url = candidate.strip().split("\\s+", 2)[0];
      Optional<String> refused = refused(url, allowed);
      if (refused.isPresent()) {
        return refused;
      }
    }
    return Optional.empty();
  }

  /** Without whitespace, control or invisible formatting characters anywhere. */
  static String compact(String value) {
    StringBuilder kept = new StringBuilder(value.length());
    value
        .codePoints()
        .filter(
            c ->
                !Character.isWhitespace(c)
                    && !Character.isSpaceChar(c)
                    && !Character.isISOControl(c)
                    && Character.getType(c) != Character.FORMAT)
        .forEach(kept::appendCodePoint);
    return kept.toString();
  }

  private static String shorten(String scheme) {
    return scheme.length() <= 20 ? scheme : scheme.substring(0, 20) + "…";
  }
}
