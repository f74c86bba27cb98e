package app.custodian.consent.boundary;

import app.custodian.customer.boundary.CurrentConsents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Map;

/** Each purpose's current consent, for the customer records. */
@ApplicationScoped
public class ConsentsOfCustomers implements CurrentConsents {

  @Inject ConsentService consents;

  @Override
  public Map<String, CurrentConsent> of(String customerId) {
    return consents.current(customerId);
  }

  @Override
  public Map<String, Map<String, CurrentConsent>> of(Collection<String> customerIds) {
    return consents.current(customerIds);
  }
}
