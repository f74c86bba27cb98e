package app.custodian.privacy.control;

import app.custodian.security.control.SignedTokens;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The signed, expiring token of the public form's verification link: the customer id and the second
 * it expires, signed by {@link SignedTokens} (no personal data in it).
 */
public final class LinkTokens {

  static final String SCOPE_PREFIX = "privacy-request:";

  private final SignedTokens tokens;

  public LinkTokens(SignedTokens tokens) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
  }

  public String issue(String customerId, Instant expiresAt) {
    return tokens.issue(customerId, SCOPE_PREFIX + expiresAt.getEpochSecond());
  }

  /** The customer id of a genuine token that has not expired at {@code now}. */
  public Optional<String> customerId(String token, Instant now) {
    return tokens
        .verify(token)
        .filter(claims -> claims.scope().startsWith(SCOPE_PREFIX))
        .filter(claims -> expiry(claims.scope()).map(now::isBefore).orElse(false))
        .map(SignedTokens.Claims::customerId);
  }

  private static Optional<Instant> expiry(String scope) {
    try {
      return Optional.of(
          Instant.ofEpochSecond(Long.parseLong(scope.substring(SCOPE_PREFIX.length()))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
