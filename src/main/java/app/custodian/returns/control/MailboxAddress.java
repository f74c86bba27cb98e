package app.custodian.returns.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * {@code CUSTODIAN_RETURNS_MAILBOX}: {@code imap://}, {@code imaps://} or {@code
 * pop3s://user:password@host:port/FOLDER}, user and password URL-encoded. The folder defaults to
 * {@code INBOX} (POP3 has no other). {@link #toString} leaves the password out.
 */
public record MailboxAddress(
    String protocol, String host, int port, String user, String password, String folder) {

  private static final Set<String> PROTOCOLS = Set.of("imap", "imaps", "pop3s", "pop3");

  /**
   * @throws IllegalArgumentException naming the variable, never quoting the value (it holds a
   *     password)
   */
  public static MailboxAddress parse(String value) {
    URI uri;
    try {
      uri = new URI(value.strip());
    } catch (URISyntaxException e) {
      throw invalid("is not a URL");
    }
    String protocol = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
    if (!PROTOCOLS.contains(protocol)) {
      throw invalid("must start with imap://, imaps:// or pop3s://");
    }
    if (uri.getHost() == null || uri.getRawUserInfo() == null) {
      throw invalid("must name user:password@host");
    }
    String userInfo = uri.getRawUserInfo();
    int colon = userInfo.indexOf(':');
    String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
    String password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String folder = path.length() > 1 ? decode(path.substring(1)) : "INBOX";
    return new MailboxAddress(protocol, uri.getHost(), uri.getPort(), user, password, folder);
  }

  public boolean isPop3() {
    return protocol.startsWith("pop3");
  }

  @Override
  public String toString() {
    return protocol + "://" + host + (port < 0 ? "" : ":" + port) + "/" + folder;
  }

  private static String decode(String raw) {
    return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static IllegalArgumentException invalid(String why) {
    return new IllegalArgumentException("CUSTODIAN_RETURNS_MAILBOX " + why);
  }
}
