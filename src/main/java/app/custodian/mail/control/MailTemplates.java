package app.custodian.mail.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The application's own templates, from {@code mail/<name>/<locale>.subject.mustache}, {@code
 * .txt.mustache} and the optional {@code .html.mustache} on the class path (UTF-8). Locales are
 * {@code vi} and {@code en}; anything else, or a template missing in English, falls back to {@code
 * vi}.
 */
public final class MailTemplates {

  private static final String DEFAULT_LOCALE = "vi";
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Map<String, MailTemplate> CACHE = new ConcurrentHashMap<>();

  private MailTemplates() {}

  public static MailTemplate load(String name, String locale) {
    return cached(name, locale, true);
  }

  /** The footer every message ends with: text and HTML only, with an empty subject. */
  static MailTemplate footer(String locale) {
    return cached("footer", locale, false);
  }

  private static MailTemplate cached(String name, String locale, boolean withSubject) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Not a mail template name: " + name);
    }
    String language = language(locale);
    return CACHE.computeIfAbsent(name + "/" + language, key -> read(name, language, withSubject));
  }

  private static String language(String locale) {
    return locale != null && locale.strip().toLowerCase(Locale.ROOT).equals("en")
        ? "en"
        : DEFAULT_LOCALE;
  }

  private static MailTemplate read(String name, String language, boolean withSubject) {
    String prefix = "mail/" + name + "/" + language;
    String text = resource(prefix + ".txt.mustache");
    if (text == null) {
      if (!language.equals(DEFAULT_LOCALE)) {
        return read(name, DEFAULT_LOCALE, withSubject);
      }
      throw new IllegalArgumentException("No mail template " + prefix + ".txt.mustache");
    }
    String subject = withSubject ? resource(prefix + ".subject.mustache") : "";
    if (subject == null) {
      throw new IllegalArgumentException("No mail template " + prefix + ".subject.mustache");
    }
    return MailTemplate.of(subject, text, resource(prefix + ".html.mustache"));
  }

  private static String resource(String path) {
    try (InputStream in = MailTemplates.class.getClassLoader().getResourceAsStream(path)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + path, e);
    }
  }
}
