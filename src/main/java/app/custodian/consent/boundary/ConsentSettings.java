package app.custodian.consent.boundary;

import app.custodian.platform.control.Durations;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Settings of the consent pages. */
@ApplicationScoped
public class ConsentSettings {

  @Inject
  @ConfigProperty(name = "custodian.confirm.ttl", defaultValue = "PT48H")
  String confirmTtl;

  private Duration confirmationValidity;

  @PostConstruct
  void check() {
    confirmationValidity = Durations.positive("custodian.confirm.ttl", confirmTtl);
  }

  /** How long a confirmation link of the preference page works ({@code CUSTODIAN_CONFIRM_TTL}). */
  public Duration confirmationValidity() {
    return confirmationValidity;
  }
}
