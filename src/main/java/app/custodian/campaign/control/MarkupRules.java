package app.custodian.campaign.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * What a campaign's HTML may not hold, placeholders or not: scripts, frames, plugins, forms,
 * elements that parsers read differently, event handlers, attributes that report clicks elsewhere,
 * and URLs with a scheme other than {@code http}, {@code https}, {@code mailto}, {@code tel},
 * {@code sms} or {@code cid}.
 */
final class MarkupRules {

  private static final Map<String, String> REFUSED_ELEMENTS = refusedElements();

  private static final Set<String> URL_ATTRIBUTES =
      Set.of(
          "href",
          "src",
          "action",
          "formaction",
          "background",
          "poster",
          "cite",
          "longdesc",
          "lowsrc",
          "dynsrc",
          "data",
          "codebase",
          "classid",
          "usemap",
          "manifest",
          "icon",
          "profile",
          "archive",
          "xlink:href",
          "xml:base");
  private static final Set<String> SRCSET_ATTRIBUTES = Set.of("srcset", "imagesrcset");

  /** Attributes that send a request elsewhere when the reader clicks, with the link's URL. */
  private static final Set<String> REPORTING_ATTRIBUTES = Set.of("ping", "attributionsrc");

  private static final Set<String> HARMLESS_HTTP_EQUIV =
      Set.of("content-type", "content-language", "x-ua-compatible");

  private MarkupRules() {}

  /** Why the element may not stand in a campaign, if it may not. */
  static Optional<String> elementProblem(Element element, String name) {
    String refused = REFUSED_ELEMENTS.get(element.normalName());
    if (refused != null) {
      return Optional.of("<" + name + "> is not allowed in a campaign: " + refused);
    }
    if (element.normalName().equals("meta")
        && element.hasAttr("http-equiv")
        && !HARMLESS_HTTP_EQUIV.contains(
            element.attr("http-equiv").strip().toLowerCase(Locale.ROOT))) {
      return Optional.of(
          "<meta http-equiv=\""
              + HtmlTemplateCheck.shorten(element.attr("http-equiv"))
              + "\"> is not allowed in a campaign: it can send the reader elsewhere or set"
              + " cookies");
    }
    return Optional.empty();
  }

  /**
   * What is wrong with an attribute (its value as decoded from the HTML).
   *
   * @param where the attribute as the messages name it ("the src attribute of <img>")
   * @param key its name in lower case
   */
  static List<String> attributeProblems(String where, String key, String value) {
    List<String> problems = new ArrayList<>();
    String local = key.substring(key.indexOf(':') + 1);
    if (local.startsWith("on")) {
      problems.add(where + " is not allowed: a campaign has no event handlers");
    } else if (REPORTING_ATTRIBUTES.contains(key)) {
      problems.add(where + " is not allowed: it reports the click and its link elsewhere");
    } else if (key.equals("srcdoc")) {
      problems.add(where + " is not allowed: it embeds another page");
    } else if (key.equals("style")) {
      CssCheck.problems(value, false).forEach(p -> problems.add(where + " " + p));
    } else {
      Optional<String> scheme =
          SRCSET_ATTRIBUTES.contains(key)
              ? UrlSchemes.refusedInSrcset(value, UrlSchemes.LINKS)
              : URL_ATTRIBUTES.contains(key)
                  ? UrlSchemes.refused(value, UrlSchemes.LINKS)
                  : Optional.empty();
      scheme.ifPresent(
          s ->
              problems.add(
                  where
                      + " uses "
                      + s
                      + " URLs: links and sources may use only http:, https:, mailto:, tel:,"
                      + " sms: or cid:"));
    }
    return problems;
  }

  private static Map<String, String> refusedElements() {
    Map<String, String> refused = new LinkedHashMap<>();
    refused.put("script", "it runs code");
    for (String frame : List.of("iframe", "frame", "frameset", "portal", "fencedframe")) {
      refused.put(frame, "it embeds another page");
    }
    for (String plugin : List.of("object", "embed", "applet", "param")) {
      refused.put(plugin, "it embeds a plugin or another document");
    }
    for (String form :
        List.of(
            "form",
            "input",
            "button",
            "select",
            "option",
            "optgroup",
            "textarea",
            "datalist",
            "keygen")) {
      refused.put(form, "forms and their fields send what the reader types elsewhere");
    }
    refused.put("base", "it changes where every relative link points");
    refused.put("link", "it loads a stylesheet or other resource that no one could check");
    for (String foreign : List.of("svg", "math")) {
      refused.put(foreign, "SVG and MathML are parsed by other rules than HTML");
    }
    for (String raw : List.of("noscript", "xmp", "plaintext", "noembed", "noframes")) {
      refused.put(raw, "parsers disagree on what its content is");
    }
    return Map.copyOf(refused);
  }
}
