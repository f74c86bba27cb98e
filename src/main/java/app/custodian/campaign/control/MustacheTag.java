package app.custodian.campaign.control;

import java.util.ArrayList;
import java.util.List;

/**
 * One Mustache tag of a template as written, where it stands in the source. Read from a template
 * that jmustache has compiled (so every {@code {{} opens a tag that closes), with the default
 * delimiters: a tag that changes them is itself refused.
 *
 * @param start the offset of its opening braces
 * @param end the offset just after its closing braces
 */
record MustacheTag(int start, int end, String text, Kind kind) {

  enum Kind {
    /** {@code {{name}}}: the value, escaped in HTML. */
    VARIABLE,
    /** {@code {{{name}}}} or {@code {{&name}}}: the value as it is. */
    UNESCAPED,
    /** {@code {{#name}}}, {@code {{^name}}}, {@code {{$name}}}: what follows, shown or not. */
    SECTION,
    /** {@code {{/name}}}. */
    CLOSE,
    /** {@code {{!...}}}: nothing. */
    COMMENT,
    /** {@code {{=<% %>=}}}: new delimiters, which would hide later tags from this reading. */
    DELIMITERS,
    /** {@code {{>name}}} or {@code {{<name}}}: another template (refused by MailTemplate). */
    PARTIAL
  }

  /** Renders nothing itself and names no value: a comment. */
  boolean isComment() {
    return kind == Kind.COMMENT;
  }

  /** Whether it shows a value, as {@code {{unsubscribeUrl}}} does; sections show none. */
  boolean isVariable() {
    return kind == Kind.VARIABLE || kind == Kind.UNESCAPED;
  }

  /** The variable's name without braces or sigil, trimmed. */
  String name() {
    if (text.startsWith("{{{")) {
      return text.substring(3, text.length() - 3).strip();
    }
    String inner = text.substring(2, text.length() - 2).strip();
    return kind == Kind.VARIABLE ? inner : inner.substring(Math.min(1, inner.length())).strip();
  }

  /** "{{a}}", "{{a}} and {{b}}", "{{a}}, {{b}} and {{c}}": the tags as written. */
  static String names(List<MustacheTag> tags) {
    List<String> names = tags.stream().map(MustacheTag::text).toList();
    return names.size() == 1
        ? names.get(0)
        : String.join(", ", names.subList(0, names.size() - 1))
            + " and "
            + names.get(names.size() - 1);
  }

  /** The tags of the source in order; text that opens no tag is left alone. */
  static List<MustacheTag> scan(String source) {
    List<MustacheTag> tags = new ArrayList<>();
    int from = 0;
    while (true) {
      int start = source.indexOf("{{", from);
      if (start < 0) {
        return tags;
      }
      boolean triple = source.startsWith("{{{", start);
      int close = source.indexOf(triple ? "}}}" : "}}", start + (triple ? 3 : 2));
      if (close < 0) {
        return tags; // not a tag: MailTemplate refuses such a template before it comes here
      }
      int end = close + (triple ? 3 : 2);
      String text = source.substring(start, end);
      tags.add(new MustacheTag(start, end, text, triple ? Kind.UNESCAPED : kindOf(text)));
      from = end;
    }
  }

  private static Kind kindOf(String text) {
    String inner = text.substring(2, text.length() - 2).strip();
    char sigil = inner.isEmpty() ? ' ' : inner.charAt(0);
    return switch (sigil) {
      case '&' -> Kind.UNESCAPED;
      case '#', '^', '$' -> Kind.SECTION;
      case '/' -> Kind.CLOSE;
      case '!' -> Kind.COMMENT;
      case '=' -> Kind.DELIMITERS;
      case '>', '<' -> Kind.PARTIAL;
      default -> Kind.VARIABLE;
    };
  }
}
