package app.custodian.bulk.control;

import app.custodian.customer.boundary.CustomerInput;
import app.custodian.platform.control.FieldError;
import java.util.List;
import java.util.Set;

/**
 * A row after the checks that need nothing but the row: the customer's fields it gives (as typed;
 * {@code given} names the non-empty ones), the grants it claims, and what is wrong with it.
 */
public record CheckedRow(
    long number,
    CustomerInput input,
    Set<String> given,
    List<ConsentGrant> grants,
    List<FieldError> errors) {

  public boolean valid() {
    return errors.isEmpty();
  }
}
