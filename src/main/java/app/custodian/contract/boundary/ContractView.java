package app.custodian.contract.boundary;

import app.custodian.contract.entity.Contract;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

public record ContractView(
    String id,
    String customerId,
    String reference,
    String service,
    LocalDate startsOn,
    LocalDate endsOn,
    LocalDate endedOn,
    String status,
    Instant createdAt)
    implements Serializable {

  static ContractView of(Contract contract, LocalDate today) {
    return new ContractView(
        contract.id(),
        contract.customerId(),
        contract.reference(),
        contract.service(),
        contract.startsOn(),
        contract.endsOn(),
        contract.endedOn(),
        contract.status(today).name(),
        contract.createdAt());
  }
}
