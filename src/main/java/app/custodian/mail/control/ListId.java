package app.custodian.mail.control;

import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The {@code List-Id} header (RFC 2919) that lets receivers group and filter one list's messages:
 * {@code Name <label.list-id.host>}, the name encoded as a phrase (RFC 2047 for non-ASCII).
 */
public final class ListId {

  private static final int MAX_NAME = 100;

  private ListId() {}

  /**
   * @param name the list's name, shown by mail clients
   * @param label a dot-atom that names the list, such as a campaign id
   * @param baseUrl the public URL whose host makes the identifier globally unique
   */
  public static String of(String name, String label, String baseUrl) {
    if (!label.matches("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*")) {
      throw new IllegalArgumentException("A list label is a dot-atom of letters, digits and -");
    }
    String id = label + ".list-id." + host(baseUrl);
    String phrase = name.replaceAll("\\p{Cntrl}", " ").strip();
    if (phrase.codePointCount(0, phrase.length()) > MAX_NAME) {
      phrase = phrase.substring(0, phrase.offsetByCodePoints(0, MAX_NAME));
    }
    if (phrase.isEmpty()) {
      return "<" + id + ">";
    }
    try {
      return new InternetAddress(id, phrase, "UTF-8").toString();
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("UTF-8 is always there", e);
    }
  }

  private static String host(String baseUrl) {
    try {
      String host = new URI(baseUrl).getHost();
      return host == null ? "localhost" : host.toLowerCase(Locale.ROOT);
    } catch (URISyntaxException e) {
      return "localhost";
    }
  }
}
