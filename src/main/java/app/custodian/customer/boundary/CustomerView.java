package app.custodian.customer.boundary;

import app.custodian.customer.entity.Customer;
import app.custodian.customer.entity.CustomerDetails;
import jakarta.json.bind.annotation.JsonbNillable;
import java.io.Serializable;
import java.time.Instant;
import java.util.Map;

/** A customer's record as staff see it. Absent optional fields are null, not missing. */
@JsonbNillable
public record CustomerView(
    String id,
    String fullName,
    String email,
    String phone,
    String address,
    String organization,
    String jobTitle,
    String fax,
    String locale,
    String source,
    Instant createdAt,
    Instant updatedAt,
    Map<String, ? extends Serializable> consents,
    boolean legalHold)
    implements Serializable {

  static CustomerView of(Customer customer, Map<String, ? extends Serializable> consents) {
    CustomerDetails d = customer.details();
    return new CustomerView(
        customer.id(),
        d.fullName(),
        d.email(),
        d.phone(),
        d.address(),
        d.organization(),
        d.jobTitle(),
        d.fax(),
        d.locale(),
        d.source(),
        customer.createdAt(),
        customer.updatedAt(),
        consents,
        customer.underLegalHold());
  }
}
