package app.custodian.customer.boundary;

import java.util.Collection;
import java.util.List;

/** Customers erased in the current container transaction; observed after its commit. */
record CustomersErased(Collection<String> customerIds) {

  CustomersErased {
    customerIds = List.copyOf(customerIds);
  }
}
