package app.custodian.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The data controller: the company that runs Custodian, and its contact point for data protection
 * ({@code CUSTODIAN_PRIVACY_CONTACT}, the sender address when unset). Authority reports, the
 * records of processing and notices to people name it.
 */
@ApplicationScoped
public class Controller {

  @Inject
  @ConfigProperty(name = "custodian.company.name")
  String name;

  @Inject
  @ConfigProperty(name = "custodian.company.address")
  Optional<String> address;

  @Inject
  @ConfigProperty(name = "custodian.privacy.contact")
  Optional<String> privacyContact;

  @Inject
  @ConfigProperty(name = "custodian.mail.from")
  String mailFrom;

  public String name() {
    return name;
  }

  public String address() {
    return address.map(String::strip).orElse("");
  }

  /** Where people and authorities reach whoever answers for personal data here. */
  public String privacyContact() {
    return privacyContact.map(String::strip).filter(c -> !c.isEmpty()).orElse(mailFrom);
  }
}
