package app.custodian.contract.boundary;

import app.custodian.customer.boundary.CustomerDataSection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The person's contracts, in their export. */
@ApplicationScoped
public class ContractsSection implements CustomerDataSection {

  @Inject ContractService contracts;

  @Override
  public String name() {
    return "contracts";
  }

  @Override
  public List<ContractView> of(String customerId, String locale) {
    return contracts.contracts(customerId);
  }
}
