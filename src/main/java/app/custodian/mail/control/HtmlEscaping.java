package app.custodian.mail.control;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;

/**
 * HTML escaping for Mustache values: the five characters that matter in text and quoted attributes.
 * jmustache's own escaper also turns {@code =} into {@code &#x3D;}, which is valid but makes every
 * link unreadable in the source of a message.
 */
public final class HtmlEscaping {

  public static final Mustache.Escaper ESCAPER =
      Escapers.simple(
          new String[][] {
            {"&", "&amp;"}, {"<", "&lt;"}, {">", "&gt;"}, {"\"", "&quot;"}, {"'", "&#39;"}
          });

  private HtmlEscaping() {}
}
