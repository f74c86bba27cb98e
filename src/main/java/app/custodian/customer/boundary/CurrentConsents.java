package app.custodian.customer.boundary;

import java.io.Serializable;
import java.util.Collection;
import java.util.Map;

/**
 * Each purpose's current consent, shown with a customer's record: the consent feature answers it,
 * so that a record is read without this feature knowing the ledger.
 */
public interface CurrentConsents {

  /** The customer's current consent by purpose. */
  Map<String, ? extends Serializable> of(String customerId);

  /** As {@link #of(String)} for many customers at once, by customer id. */
  Map<String, ? extends Map<String, ? extends Serializable>> of(Collection<String> customerIds);
}
