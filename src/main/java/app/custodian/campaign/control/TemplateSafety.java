package app.custodian.campaign.control;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules that keep a campaign's templates from sending a recipient's data anywhere but to the
 * recipient (api.md "Campaign templates"): placeholders stand only in text, never inside a URL or
 * an attribute, except {@code {{unsubscribeUrl}}} and {@code {{preferencesUrl}}} as the whole
 * {@code href} of an {@code <a>}; no unescaped values ({@code {{{ }}}}, {@code {{& }}}); and the
 * HTML has no scripts, frames, forms, plugins, event handlers or {@code javascript:} URLs.
 *
 * <p>Checks templates that jmustache has compiled: unclosed tags and partials are refused before.
 */
public final class TemplateSafety {

  private TemplateSafety() {}

  /**
   * What is wrong with a subject or plain-text body; each message names the placeholder at fault.
   */
  public static List<String> textProblems(String source) {
    List<MustacheTag> tags = MustacheTag.scan(source);
    List<String> problems = tagProblems(tags);
    if (changesDelimiters(tags)) {
      return problems; // what follows is read with other delimiters: the tags found are not all
    }
    for (GluedUrls.Glued glued : GluedUrls.in(GluedUrls.piecesOf(source, tags))) {
      problems.add(gluedMessage(glued));
    }
    return problems;
  }

  /** What is wrong with an HTML body; each message names the placeholder or markup at fault. */
  public static List<String> htmlProblems(String source) {
    List<MustacheTag> tags = MustacheTag.scan(source);
    List<String> problems = tagProblems(tags);
    if (!changesDelimiters(tags)) {
      problems.addAll(HtmlTemplateCheck.problems(source, tags));
    }
    return problems;
  }

  private static boolean changesDelimiters(List<MustacheTag> tags) {
    return tags.stream().anyMatch(t -> t.kind() == MustacheTag.Kind.DELIMITERS);
  }

  /** Unescaped values, and new delimiters that would hide every later tag from these checks. */
  private static List<String> tagProblems(List<MustacheTag> tags) {
    List<String> problems = new ArrayList<>();
    for (MustacheTag tag : tags) {
      if (tag.kind() == MustacheTag.Kind.UNESCAPED) {
        problems.add(
            tag.text()
                + " inserts its value unescaped, which could add markup or links: write {{"
                + tag.name()
                + "}}");
      } else if (tag.kind() == MustacheTag.Kind.DELIMITERS) {
        problems.add(tag.text() + " changes the tag delimiters, which campaigns do not allow");
      }
    }
    return problems;
  }

  static String gluedMessage(GluedUrls.Glued glued) {
    String word = glued.word().length() <= 80 ? glued.word() : glued.word().substring(0, 80) + "…";
    return MustacheTag.names(glued.tags())
        + (glued.tags().size() == 1 ? " stands" : " stand")
        + " inside a URL ("
        + word
        + "): placeholders may stand only in text, apart from any URL, and {{unsubscribeUrl}}"
        + " or {{preferencesUrl}} only on their own";
  }
}
