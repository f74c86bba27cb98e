package app.custodian.security.boundary;

import app.custodian.security.entity.Role;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the account {@code admin} when no account exists yet. A generated password must be
 * changed before the account can do anything else.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class AdminBootstrap {

  private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

  @Inject AccountService accounts;

  @Inject
  @ConfigProperty(name = "custodian.admin.password")
  Optional<String> configuredPassword;

  @PostConstruct
  void createFirstAdmin() {
    if (accounts.anyExists()) {
      return;
    }
    String password =
        configuredPassword.filter(p -> !p.isBlank()).orElseGet(AdminBootstrap::generate);
    AccountView admin = accounts.create("admin", password.toCharArray(), EnumSet.of(Role.ADMIN));
    if (configuredPassword.filter(p -> !p.isBlank()).isPresent()) {
      LOG.info("Created the account admin with the password from CUSTODIAN_ADMIN_PASSWORD");
    } else {
      accounts.requirePasswordChange(admin.id());
      LOG.warning(
          "Created the account admin with the generated password "
              + password
              + " (shown once, to be changed at the first sign-in in the portal or with"
              + " PUT /api/v1/me/password; set CUSTODIAN_ADMIN_PASSWORD to choose it)");
    }
  }

  private static String generate() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
