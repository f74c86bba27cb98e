package app.custodian.consent.control;

import app.custodian.mail.control.HtmlEscaping;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The public HTML pages, from {@code pages/*.mustache}; every value is HTML-escaped. */
public final class PageTemplates {

  private static final Mustache.Compiler COMPILER =
      Mustache.compiler()
          .withEscaper(HtmlEscaping.ESCAPER)
          .defaultValue("")
          .withLoader(PageTemplates::reader);
  private static final Map<String, Template> COMPILED = new ConcurrentHashMap<>();

  private PageTemplates() {}

  public static String render(String page, Map<String, ?> values) {
    return COMPILED.computeIfAbsent(page, name -> compile(name)).execute(values);
  }

  private static Template compile(String name) {
    try (Reader reader = reader(name)) {
      return COMPILER.compile(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Reader reader(String name) {
    InputStream in =
        PageTemplates.class.getClassLoader().getResourceAsStream("pages/" + name + ".mustache");
    if (in == null) {
      throw new IllegalArgumentException("no page template " + name);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
