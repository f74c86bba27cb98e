package app.custodian.mail.control;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A compiled subject, plain-text body and optional HTML body (Mustache). Values are HTML-escaped in
 * the HTML body only; a missing or null value renders as nothing.
 */
public final class MailTemplate {

  private static final Mustache.Compiler PLAIN =
      Mustache.compiler().escapeHTML(false).defaultValue("");
  private static final Mustache.Compiler HTML =
      Mustache.compiler().withEscaper(HtmlEscaping.ESCAPER).defaultValue("");

  private final Template subject;
  private final Template text;
  private final Template html;
  private final Set<String> textVariables;
  private final Set<String> htmlVariables;

  private MailTemplate(Part subject, Part text, Part html) {
    this.subject = subject.template();
    this.text = text.template();
    this.html = html == null ? null : html.template();
    this.textVariables = text.unconditionalVariables();
    this.htmlVariables = html == null ? null : html.unconditionalVariables();
  }

  /**
   * Compiles the three parts; {@code html} may be null for a text-only message.
   *
   * @throws IllegalArgumentException naming the part (subject, text or html) whose syntax is
   *     invalid, that leaves a tag unclosed, or that uses a partial ({@code {{> name}}}), which
   *     mail templates cannot load
   */
  public static MailTemplate of(String subject, String text, String html) {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(text, "text");
    return new MailTemplate(
        Part.compile("subject", subject, PLAIN),
        Part.compile("text", text, PLAIN),
        html == null ? null : Part.compile("html", html, HTML));
  }

  /**
   * Whether every body shows the variable whatever the values: a tag ({@code {{name}}}, {@code
   * {{{name}}}} or {@code {{&name}}}) outside any section, in the text body and in the HTML body
   * when there is one.
   */
  public boolean uses(String variable) {
    return textVariables.contains(variable)
        && (htmlVariables == null || htmlVariables.contains(variable));
  }

  /** Renders all parts; the subject comes out on one line. */
  public RenderedContent render(Map<String, ?> values) {
    String renderedSubject = subject.execute(values).strip().replaceAll("\\s+", " ");
    return new RenderedContent(
        renderedSubject, text.execute(values), html == null ? null : html.execute(values));
  }

  private record Part(Template template, Set<String> unconditionalVariables) {

    static Part compile(String name, String source, Mustache.Compiler compiler) {
      Template template;
      try {
        template = compiler.compile(source);
      } catch (MustacheException e) {
        throw invalid(name, e.getMessage(), e);
      } catch (RuntimeException e) { // jmustache 1.16 fails this way on an empty tag, {{}}
        throw invalid(name, "it cannot be parsed (" + e.getClass().getSimpleName() + ")", e);
      }
      TagCollector everywhere = new TagCollector(true);
      template.visit(everywhere);
      if (everywhere.partial != null) {
        throw invalid(
            name, "partials such as {{> " + everywhere.partial + "}} are not supported", null);
      }
      if (everywhere.unclosedTag) {
        // jmustache keeps an unclosed tag as text, which would reach every recipient
        throw invalid(name, "a tag opened with {{ is not closed", null);
      }
      TagCollector outsideSections = new TagCollector(false);
      template.visit(outsideSections);
      return new Part(template, Set.copyOf(outsideSections.variables));
    }

    private static IllegalArgumentException invalid(String name, String why, Exception cause) {
      return new IllegalArgumentException("The " + name + " template is invalid: " + why, cause);
    }
  }

  /** Collects variable names, notes partials and unclosed tags; never resolves a partial. */
  private static final class TagCollector implements Mustache.Visitor {
    private final boolean intoSections;
    final Set<String> variables = new HashSet<>();
    String partial;
    boolean unclosedTag;

    TagCollector(boolean intoSections) {
      this.intoSections = intoSections;
    }

    @Override
    public void visitText(String text) {
      unclosedTag |= text.contains("{{");
    }

    @Override
    public void visitVariable(String name) {
      variables.add(name);
    }

    @Override
    public boolean visitInclude(String name) {
      partial = name;
      return false;
    }

    @Override
    public boolean visitParent(String name) {
      partial = name;
      return false;
    }

    @Override
    public boolean visitSection(String name) {
      return intoSections;
    }

    @Override
    public boolean visitInvertedSection(String name) {
      return intoSections;
    }

    @Override
    public boolean visitBlock(String name) {
      return intoSections;
    }
  }
}
