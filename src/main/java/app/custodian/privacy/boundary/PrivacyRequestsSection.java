package app.custodian.privacy.boundary;

import app.custodian.customer.boundary.CustomerDataSection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The person's privacy requests, in their export. */
@ApplicationScoped
public class PrivacyRequestsSection implements CustomerDataSection {

  @Inject PrivacyRequestHistory requests;

  @Override
  public String name() {
    return "privacyRequests";
  }

  @Override
  public List<PrivacyRequestRecord> of(String customerId, String locale) {
    return requests.requestsOf(customerId, locale);
  }
}
