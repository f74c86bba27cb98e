package app.custodian.consent.boundary;

import app.custodian.customer.boundary.CustomerDataSection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The person's consent ledger, oldest first, in their export. */
@ApplicationScoped
public class ConsentHistorySection implements CustomerDataSection {

  @Inject ConsentService consents;

  @Override
  public String name() {
    return "consentHistory";
  }

  @Override
  public List<ConsentHistoryItem> of(String customerId, String locale) {
    return consents.history(customerId);
  }
}
