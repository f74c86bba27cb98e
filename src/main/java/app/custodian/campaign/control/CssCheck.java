package app.custodian.campaign.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a campaign's CSS (a {@code <style>} element or a {@code style} attribute) may not do: run
 * code, load more CSS or fonts from elsewhere, or read attribute values in a selector. A remote
 * font split by {@code unicode-range} tells its server which letters the page shows, the
 * recipient's name among them; a selector such as {@code a[href^="https://x/p?t=a"]} with a
 * background image tells a server how a personal link begins. Escapes and comments are read as a
 * browser reads them before anything is looked for.
 */
final class CssCheck {

  private static final Pattern COMMENT = Pattern.compile("(?s)/\\*.*?(\\*/|$)");
  private static final Pattern URL = Pattern.compile("url\\(([\"']?)([^\"')]*)");
  private static final Pattern ATTRIBUTE_VALUE_SELECTOR = Pattern.compile("\\[[^\\]]*=");

  private CssCheck() {}

  /**
   * What is wrong with the CSS, each as a phrase that follows its place ("the style attribute of
   *
   * <p>..."); empty when nothing is.
   *
   * @param selectors whether the CSS has selectors (a style element) or only declarations
   */
  static List<String> problems(String css, boolean selectors) {
    String plain = plain(css);
    List<String> problems = new ArrayList<>();
    boolean runsCode =
        plain.contains("expression(")
            || plain.contains("javascript:")
            || plain.contains("vbscript:")
            || plain.contains("-moz-binding")
            || plain.contains("behavior:")
            || plain.contains("behaviour:");
    if (runsCode) {
      problems.add("runs code (expression(), javascript:, behavior or -moz-binding)");
    }
    if (plain.contains("@import")) {
      problems.add("loads more CSS from elsewhere (@import), which no one could check");
    }
    if (plain.contains("@font-face") || plain.contains("unicode-range")) {
      problems.add(
          "loads a web font (@font-face): a font fetched letter by letter tells its server"
              + " which letters the recipient's name holds");
    }
    if (selectors && ATTRIBUTE_VALUE_SELECTOR.matcher(plain).find()) {
      problems.add(
          "compares attribute values in a selector (such as [href^=...]), which can read a"
              + " recipient's personal link");
    }
    Matcher url = URL.matcher(plain);
    while (!runsCode && url.find()) { // a javascript: URL is named as code above
      Optional<String> scheme = UrlSchemes.refused(url.group(2), UrlSchemes.STYLES);
      if (scheme.isPresent()) {
        problems.add("uses a " + scheme.get() + " URL: CSS may load only http:, https: or cid:");
        break;
      }
    }
    return problems;
  }

  /** Lower case, without comments, escapes or whitespace. */
  static String plain(String css) {
    String decoded = unescape(COMMENT.matcher(css).replaceAll(""));
    return UrlSchemes.compact(decoded).toLowerCase(Locale.ROOT);
  }

  private static String unescape(String css) {
    StringBuilder out = new StringBuilder(css.length());
    int i = 0;
    while (i < css.length()) {
      char c = css.charAt(i);
      if (c != '\\' || i + 1 == css.length()) {
        out.append(c);
        i++;
        continue;
      }
      int hexEnd = i + 1;
      while (hexEnd < css.length() && hexEnd < i + 7 && isHex(css.charAt(hexEnd))) {
        hexEnd++;
      }
      if (hexEnd > i + 1) {
        int codePoint = Integer.parseInt(css.substring(i + 1, hexEnd), 16);
        out.appendCodePoint(
            codePoint == 0 || codePoint > Character.MAX_CODE_POINT ? 0xFFFD : codePoint);
        i = hexEnd;
        if (i < css.length() && Character.isWhitespace(css.charAt(i))) {
          i++; // one whitespace ends the escape
        }
      } else {
        out.append(css.charAt(i + 1)); // an escaped character stands for itself
        i += 2;
      }
    }
    return out.toString();
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
