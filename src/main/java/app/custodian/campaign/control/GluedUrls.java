package app.custodian.campaign.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Placeholders glued to a URL in text: {@code https://x.example/?n={{fullName}}} would send the
 * value to whoever owns that URL once a mail client turns it into a link. A placeholder stands
 * apart when whitespace (or only punctuation such as brackets and full stops) separates it from
 * anything else; {@code {{unsubscribeUrl}}} and {@code {{preferencesUrl}}} must stand apart from
 * anything at all, so that no text extends them.
 */
final class GluedUrls {

  /** The values that are links of their own; see {@code CampaignRendering}. */
  static final Set<String> LINK_VARIABLES = Set.of("unsubscribeUrl", "preferencesUrl");

  /** A run of text or one tag. */
  record Piece(String text, MustacheTag tag) {
    static Piece text(String text) {
      return new Piece(text, null);
    }

    static Piece tag(MustacheTag tag) {
      return new Piece(null, tag);
    }
  }

  /** A word of the text whose placeholders are glued to a URL. */
  record Glued(List<MustacheTag> tags, String word) {}

  private static final char TAG = '\uFFFC';
  private static final String LEADING = "([{<\"'«“‘";
  private static final String TRAILING = ")]}>\"'»”’.,;:!?…";
  private static final Pattern URLISH =
      Pattern.compile(
          "(?iU)://|(^|\\W)www\\.|(^|\\W)(https?|ftp|mailto|tel|sms|file|javascript|vbscript|data):"
              + "|[/?=&#@%\\\\]|[\\p{L}\\p{N}-]\\.[a-z]{2,}");

  private GluedUrls() {}

  /** The pieces of a template's text as written: text between tags, and the tags. */
  static List<Piece> piecesOf(String source, List<MustacheTag> tags) {
    List<Piece> pieces = new ArrayList<>();
    int at = 0;
    for (MustacheTag tag : tags) {
      pieces.add(Piece.text(source.substring(at, tag.start())));
      pieces.add(Piece.tag(tag));
      at = tag.end();
    }
    pieces.add(Piece.text(source.substring(at)));
    return pieces;
  }

  static List<Glued> in(List<Piece> pieces) {
    List<Glued> glued = new ArrayList<>();
    List<Piece> word = new ArrayList<>();
    for (Piece piece : pieces) {
      if (piece.tag() != null) {
        word.add(piece);
        continue;
      }
      StringBuilder run = new StringBuilder();
      for (int i = 0; i < piece.text().length(); i++) {
        char c = piece.text().charAt(i);
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
          word.add(Piece.text(run.toString()));
          run.setLength(0);
          check(word, glued);
          word.clear();
        } else {
          run.append(c);
        }
      }
      word.add(Piece.text(run.toString()));
    }
    check(word, glued);
    return glued;
  }

  private static void check(List<Piece> word, List<Glued> glued) {
    List<MustacheTag> tags = new ArrayList<>();
    StringBuilder shape = new StringBuilder();
    StringBuilder written = new StringBuilder();
    for (Piece piece : word) {
      if (piece.tag() == null) {
        shape.append(piece.text());
        written.append(piece.text());
      } else if (!piece.tag().isComment()) {
        tags.add(piece.tag());
        shape.append(TAG);
        written.append(piece.tag().text());
      }
    }
    if (tags.isEmpty()) {
      return;
    }
    String core = trim(shape.toString());
    String literal = core.replace(String.valueOf(TAG), "");
    List<MustacheTag> variables = tags.stream().filter(MustacheTag::isVariable).toList();
    boolean link = variables.stream().anyMatch(t -> LINK_VARIABLES.contains(t.name()));
    boolean gluedToUrl =
        literal.isEmpty()
            ? link && variables.size() > 1
            : link || URLISH.matcher(core.replace(TAG, 'x')).find();
    if (gluedToUrl) {
      glued.add(new Glued(List.copyOf(tags), written.toString()));
    }
  }

  private static String trim(String shape) {
    int from = 0;
    int to = shape.length();
    while (from < to && LEADING.indexOf(shape.charAt(from)) >= 0) {
      from++;
    }
    while (to > from && TRAILING.indexOf(shape.charAt(to - 1)) >= 0) {
      to--;
    }
    return shape.substring(from, to);
  }
}
