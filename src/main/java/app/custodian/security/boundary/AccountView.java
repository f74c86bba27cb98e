package app.custodian.security.boundary;

import app.custodian.security.entity.Account;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A staff account as the API shows it: never the password hash. {@code failedLogins} counts the
 * refused sign-ins since the last successful one.
 */
public record AccountView(
    String id,
    String username,
    List<String> roles,
    Instant createdAt,
    Instant lockedUntil,
    int failedLogins,
    boolean disabled,
    boolean passwordMustChange)
    implements Serializable {

  static AccountView of(Account account) {
    return new AccountView(
        account.id(),
        account.username(),
        account.roles().stream().map(Enum::name).sorted().toList(),
        account.createdAt(),
        account.lockedUntil(),
        account.failedLogins(),
        account.disabled(),
        account.passwordMustChange());
  }
}
