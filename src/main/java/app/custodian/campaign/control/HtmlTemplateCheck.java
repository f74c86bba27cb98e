package app.custodian.campaign.control;

import app.custodian.campaign.control.GluedUrls.Piece;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The HTML body of a campaign read as a browser reads it, with jsoup. Each Mustache tag is first
 * swapped for a marker that no one can write (it holds a random nonce), so that wherever the parser
 * puts a tag (text, an attribute, a comment, a dropped closing tag) its marker shows, and a tag the
 * parser dropped shows as missing. A tag may stand only in text that is read as text by every
 * parser, or as the whole {@code href} of an {@code <a>} for the two link variables.
 *
 * <p>Sections hide or repeat what lies between their tags. Both tags stand in such text, and never
 * just after a {@code <}, so what the filled-in template holds around them parses as it does here.
 */
final class HtmlTemplateCheck {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String RULE =
      "placeholders may stand only in text, and {{unsubscribeUrl}} or {{preferencesUrl}} only as"
          + " the whole href of an <a>";

  /** Elements whose content is not read as ordinary text (or not by every parser). */
  private static final Set<String> NOT_TEXT =
      Set.of(
          "title",
          "textarea",
          "style",
          "script",
          "noscript",
          "xmp",
          "plaintext",
          "noembed",
          "noframes",
          "iframe",
          "template",
          "svg",
          "math",
          "object",
          "select",
          "option");

  private static final Pattern BODY_END = Pattern.compile("(?i)</body");

  private final String source;
  private final List<MustacheTag> tags;
  private final String nonce;
  private final Pattern marker;
  private final int[] seen;
  private final Map<String, List<MustacheTag>> misplaced = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();
  private final List<Piece> text = new ArrayList<>();
  private final Set<String> hiddenBodyEnds = new HashSet<>();

  private HtmlTemplateCheck(String source, List<MustacheTag> tags) {
    this.source = source;
    this.tags = tags;
    byte[] random = new byte[12];
    RANDOM.nextBytes(random);
    this.nonce = HexFormat.of().formatHex(random);
    this.marker = Pattern.compile("\uE000" + nonce + "-(\\d+)\uE001");
    this.seen = new int[tags.size()];
  }

  /** What is wrong with the HTML body, each naming the placeholder or the markup at fault. */
  static List<String> problems(String source, List<MustacheTag> tags) {
    return new HtmlTemplateCheck(source, tags).check();
  }

  private List<String> check() {
    for (MustacheTag tag : tags) {
      if (tag.start() > 0 && source.charAt(tag.start() - 1) == '<') {
        problems.add(
            tag.text()
                + " follows a \"<\": filled in, it could open a tag there; write &lt; or put a"
                + " space after the \"<\"");
      }
    }
    Document document = Jsoup.parse(marked());
    walk(document);
    for (int i = 0; i < tags.size(); i++) {
      if (seen[i] == 0) {
        misplace(
            "a part of the HTML that browsers drop (such as a closing tag or a repeated"
                + " attribute)",
            tags.get(i));
      }
    }
    misplaced.forEach(
        (where, misplacedTags) ->
            problems.add(
                MustacheTag.names(misplacedTags)
                    + (misplacedTags.size() == 1 ? " stands" : " stand")
                    + " inside "
                    + where
                    + ": "
                    + RULE));
    for (GluedUrls.Glued glued : GluedUrls.in(text)) {
      problems.add(TemplateSafety.gluedMessage(glued));
    }
    return problems;
  }

  private String marked() {
    StringBuilder marked = new StringBuilder(source.length());
    int at = 0;
    for (int i = 0; i < tags.size(); i++) {
      MustacheTag tag = tags.get(i);
      marked.append(source, at, tag.start()).append(markerOf(i));
      at = tag.end();
    }
    return marked.append(source, at, source.length()).toString();
  }

  private String markerOf(int index) {
    return "\uE000" + nonce + "-" + index + "\uE001";
  }

  /** In document order, without recursion: a template may nest elements very deep. */
  private void walk(Document document) {
    Deque<String> containers = new ArrayDeque<>(); // open elements whose content is not text
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof Element element) {
              if (!(element instanceof Document)) {
                checkElement(element, displayName(element.normalName()));
              }
              if (NOT_TEXT.contains(element.normalName())) {
                containers.push(element.normalName());
              }
              separate(element);
            } else if (node instanceof CDataNode cdata) {
              place(cdata.getWholeText(), "a CDATA section");
              problems.add("a CDATA section is not allowed: browsers read it as a comment");
            } else if (node instanceof TextNode textNode) {
              if (containers.isEmpty()) {
                placeText(textNode.getWholeText());
              } else {
                place(textNode.getWholeText(), "a <" + containers.peekLast() + "> element");
              }
            } else if (node instanceof DataNode data) {
              String parent = node.parent() == null ? "" : node.parent().nodeName();
              place(data.getWholeData(), "a <" + displayName(parent) + "> element");
              if (parent.equals("style")) {
                CssCheck.problems(data.getWholeData(), true)
                    .forEach(p -> problems.add("a <style> element " + p));
              }
            } else if (node instanceof Comment comment) {
              place(comment.getData(), "an HTML comment");
            } else {
              place(node.outerHtml(), "the HTML's markup (" + node.nodeName() + ")");
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element element) {
              separate(element);
              if (NOT_TEXT.contains(element.normalName())) {
                containers.pop();
              }
            }
          }
        },
        document);
  }

  /** Text on either side of a block (or a line break) is not one word. */
  private void separate(Element element) {
    if (!element.tag().isInline() || element.normalName().equals("br")) {
      text.add(Piece.text(" "));
    }
  }

  private void placeText(String value) {
    Matcher found = marker.matcher(value);
    int at = 0;
    while (found.find()) {
      int index = Integer.parseInt(found.group(1));
      seen[index]++;
      text.add(Piece.text(value.substring(at, found.start())));
      text.add(Piece.tag(tags.get(index)));
      at = found.end();
    }
    text.add(Piece.text(value.substring(at)));
  }

  private void checkElement(Element element, String name) {
    place(element.tagName(), "the name of a tag");
    MarkupRules.elementProblem(element, name).ifPresent(problems::add);
    for (Attribute attribute : element.attributes()) {
      String key = attribute.getKey().toLowerCase(Locale.ROOT);
      String where = "the " + displayName(key) + " attribute of <" + name + ">";
      if (place(key, "the tag <" + name + ">") || isLinkHref(element, key, attribute.getValue())) {
        continue;
      }
      place(attribute.getValue(), where);
      problems.addAll(MarkupRules.attributeProblems(where, key, attribute.getValue()));
    }
  }

  /** {@code <a href="{{unsubscribeUrl}}">}: a link variable as the whole (trimmed) href. */
  private boolean isLinkHref(Element element, String key, String value) {
    if (!element.normalName().equals("a") || !key.equals("href")) {
      return false;
    }
    Matcher found = marker.matcher(value.strip());
    if (!found.matches()) {
      return false;
    }
    int index = Integer.parseInt(found.group(1));
    MustacheTag tag = tags.get(index);
    if (tag.kind() != MustacheTag.Kind.VARIABLE || !GluedUrls.LINK_VARIABLES.contains(tag.name())) {
      return false;
    }
    seen[index]++;
    return true;
  }

  /**
   * Notes every tag whose marker is in the value as standing at {@code where}, where none may.
   *
   * @return whether there was one
   */
  private boolean place(String value, String where) {
    if (BODY_END.matcher(value).find() && hiddenBodyEnds.add(where)) {
      // MailComposer puts the footer, with the recipient's links, before the last "</body"
      problems.add(
          "\"</body>\" stands inside "
              + where
              + ": the footer with the recipient's personal links would be put there");
    }
    Matcher found = marker.matcher(value);
    boolean any = false;
    while (found.find()) {
      int index = Integer.parseInt(found.group(1));
      seen[index]++;
      any = true;
      misplace(where, tags.get(index));
    }
    return any;
  }

  private void misplace(String where, MustacheTag tag) {
    List<MustacheTag> here = misplaced.computeIfAbsent(where, w -> new ArrayList<>());
    if (here.stream().noneMatch(t -> t.text().equals(tag.text()))) {
      here.add(tag);
    }
  }

  /** A tag or attribute name as written, its markers shown as the tags they stand for. */
  private String displayName(String name) {
    Matcher found = marker.matcher(name);
    StringBuilder shown = new StringBuilder();
    while (found.find()) {
      found.appendReplacement(
          shown, Matcher.quoteReplacement(tags.get(Integer.parseInt(found.group(1))).text()));
    }
    found.appendTail(shown);
    return shorten(shown.toString());
  }

  static String shorten(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "…";
  }
}
