package app.custodian.disclosure.boundary;

import app.custodian.customer.boundary.CustomerDataSection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The disclosures of the person's data, in their export. */
@ApplicationScoped
public class DisclosuresSection implements CustomerDataSection {

  @Inject DisclosureService disclosures;

  @Override
  public String name() {
    return "disclosures";
  }

  @Override
  public List<DisclosureView> of(String customerId, String locale) {
    return disclosures.disclosuresOf(customerId);
  }
}
