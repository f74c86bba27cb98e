package app.custodian.consent.boundary;

import app.custodian.consent.control.LinkScope;
import app.custodian.consent.entity.Purpose;
import app.custodian.mail.boundary.MailGateway;
import app.custodian.mail.control.UnsubscribeLinks;
import app.custodian.platform.control.BaseUrl;
import app.custodian.security.control.SignedTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The personal links in emails: one-click unsubscribe per purpose and the preference page. */
@ApplicationScoped
public class ConsentLinks {

  @Inject SignedTokens tokens;
  @Inject MailGateway mail;

  @Inject
  @ConfigProperty(name = "custodian.base.url")
  Optional<String> baseUrl;

  // Payara Micro's own property: the port it listens on.
  @Inject
  @ConfigProperty(name = "payara.instance.http.port", defaultValue = "8080")
  String httpPort;

  /**
   * The links of one purpose; the {@code mailto:} alternative only when a returns mailbox is read,
   * since only then does anybody act on such an email.
   */
  public UnsubscribeLinks forPurpose(String customerId, Purpose purpose) {
    String token = tokens.issue(customerId, LinkScope.of(purpose));
    String address = mail.returnAddresses().unsubscribeAddress();
    String mailto =
        address == null
            ? null
            : "mailto:"
                + address
                + "?subject="
                + URLEncoder.encode("unsubscribe " + token, StandardCharsets.UTF_8)
                    .replace("+", "%20");
    return new UnsubscribeLinks(
        base() + "/unsubscribe?t=" + token, preferencesUrl(customerId), mailto);
  }

  public String preferencesUrl(String customerId) {
    return base() + "/preferences?t=" + tokens.issue(customerId, LinkScope.PREFERENCES);
  }

  public String confirmationUrl(String customerId, String confirmationId) {
    return base()
        + "/preferences/confirm?t="
        + tokens.issue(customerId, LinkScope.confirmation(confirmationId));
  }

  /** What a valid purpose link names: whose it is, which purpose, when it was issued. */
  public record PurposeLink(String customerId, Purpose purpose, Instant issuedAt) {}

  /**
   * The purpose link this token makes, verified as the unsubscribe page does; empty for a forged
   * token or one of another scope (preferences, confirmation).
   */
  public Optional<PurposeLink> purposeLink(String token) {
    return tokens
        .verify(token)
        .flatMap(
            c ->
                LinkScope.purpose(c.scope())
                    .map(p -> new PurposeLink(c.customerId(), p, c.issuedAt())));
  }

  /** The public base URL of links in emails, without a trailing slash. */
  public String base() {
    return BaseUrl.resolve(baseUrl, httpPort).value();
  }
}
