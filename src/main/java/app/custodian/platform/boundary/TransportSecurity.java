package app.custodian.platform.boundary;

import app.custodian.platform.control.BaseUrl;
import app.custodian.platform.control.TransportWarnings;
import app.custodian.platform.database.DatabaseSettings;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At start: with an https {@code CUSTODIAN_BASE_URL} the session cookie becomes {@code Secure}
 * (also behind a proxy that ends TLS, where the request itself is plain http); settings that would
 * send secrets in clear text are warned about.
 */
@WebListener
public class TransportSecurity implements ServletContextListener {

  private static final Logger LOG = Logger.getLogger(TransportSecurity.class.getName());

  @Inject PublicAddress address;

  @Inject
  @ConfigProperty(name = "custodian.smtp.user")
  Optional<String> smtpUser;

  @Inject
  @ConfigProperty(name = "custodian.smtp.starttls", defaultValue = "false")
  boolean smtpStartTls;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    BaseUrl base = address.baseUrl();
    if (base.https()) {
      event.getServletContext().getSessionCookieConfig().setSecure(true);
    }
    boolean postgresql = !DatabaseSettings.fromEnvironment().embedded();
    boolean smtpLogin = smtpUser.filter(user -> !user.isBlank()).isPresent();
    TransportWarnings.of(base, postgresql, smtpLogin, smtpStartTls).forEach(LOG::warning);
  }
}
