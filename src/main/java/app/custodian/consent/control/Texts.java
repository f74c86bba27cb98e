package app.custodian.consent.control;

import app.custodian.consent.entity.Purpose;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/** The words of the consent pages and emails in Vietnamese (the default) and English. */
public final class Texts {

  public static final String DEFAULT_LOCALE = "vi";
  private static final Map<String, Texts> LOADED = new ConcurrentHashMap<>();

  private final String locale;
  private final Map<String, String> texts;
  private final Map<String, String> forTemplates;

  private Texts(String locale, Map<String, String> texts) {
    this.locale = locale;
    this.texts = texts;
    Map<String, String> flat = new HashMap<>();
    texts.forEach((key, text) -> flat.put(key.replace('.', '_'), text));
    this.forTemplates = Map.copyOf(flat);
  }

  /** The texts of {@code en} or, for anything else, of {@code vi}. */
  public static Texts of(String locale) {
    String supported = "en".equals(locale) ? "en" : DEFAULT_LOCALE;
    return LOADED.computeIfAbsent(supported, Texts::load);
  }

  public String locale() {
    return locale;
  }

  public String purpose(Purpose purpose) {
    return get("purpose." + purpose.name());
  }

  public String get(String key) {
    String text = texts.get(key);
    if (text == null) {
      throw new IllegalArgumentException("no text " + key + " for " + locale);
    }
    return text;
  }

  /** Every text for templates, dots in keys made underscores: {@code {{t.page_lang}}}. */
  public Map<String, String> forTemplates() {
    return forTemplates;
  }

  private static Texts load(String locale) {
    String resource = "consent/texts_" + locale + ".properties";
    try (InputStream in = Texts.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing");
      }
      Properties properties = new Properties();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, String> texts = new ConcurrentHashMap<>();
      properties.stringPropertyNames().forEach(k -> texts.put(k, properties.getProperty(k)));
      return new Texts(locale, Map.copyOf(texts));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
