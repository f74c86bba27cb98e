package app.custodian.platform.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The public address of this Custodian, without a trailing slash: {@code CUSTODIAN_BASE_URL}, or
 * {@code http://localhost:<port>} when it is unset.
 */
public record BaseUrl(String value) {

  public static BaseUrl resolve(Optional<String> configured, String httpPort) {
    String base =
        configured
            .map(String::strip)
            .filter(b -> !b.isEmpty())
            .orElse("http://localhost:" + httpPort);
    return new BaseUrl(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
  }

  public boolean https() {
    return value.regionMatches(true, 0, "https://", 0, 8);
  }

  /** The origin a browser names in its {@code Origin} header for pages of this address. */
  public Optional<String> origin() {
    return originOf(value);
  }

  /**
   * {@code scheme://host[:port]} in lower case, without the scheme's default port, so that two
   * spellings of one origin compare equal; empty for anything that is not an absolute URL.
   */
  public static Optional<String> originOf(String url) {
    try {
      URI uri = new URI(url.strip());
      if (uri.getScheme() == null || uri.getHost() == null) {
        return Optional.empty();
      }
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      int port = uri.getPort();
      boolean defaultPort =
          port == -1
              || (scheme.equals("http") && port == 80)
              || (scheme.equals("https") && port == 443);
      return Optional.of(
          scheme
              + "://"
              + uri.getHost().toLowerCase(Locale.ROOT)
              + (defaultPort ? "" : ":" + port));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
