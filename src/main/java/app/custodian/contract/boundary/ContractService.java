package app.custodian.contract.boundary;

import app.custodian.audit.boundary.AuditTrail;
import app.custodian.contract.entity.Contract;
import app.custodian.customer.boundary.CustomerService;
import app.custodian.platform.boundary.LocalCalendar;
import app.custodian.platform.control.Ids;
import app.custodian.platform.control.ProblemException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Contracts of customers; every read and change is audited. */
@Stateless
public class ContractService {

  @PersistenceContext EntityManager em;
  @Inject AuditTrail audit;
  @Inject CustomerService customers;

  @Inject LocalCalendar calendar;

  Clock clock = Clock.systemUTC();

  public ContractView create(String customerId, ContractInput input) {
    requireCustomer(customerId);
    LocalDate startsOn = date("startsOn", input.startsOn);
    LocalDate endsOn = date("endsOn", input.endsOn);
    String reference = input.reference.strip();
    if (!em.createQuery(
            "select c.id from Contract c where c.customerId = :customer and c.reference = :ref",
            String.class)
        .setParameter("customer", customerId)
        .setParameter("ref", reference)
        .getResultList()
        .isEmpty()) {
      throw ProblemException.conflict("The customer has a contract " + reference + " already");
    }
    Contract contract;
    try {
      contract =
          new Contract(
              customerId, reference, input.service.strip(), startsOn, endsOn, clock.instant());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("endsOn", e.getMessage());
    }
    em.persist(contract);
    audit.record("CONTRACT_CREATED", customerId, "contract " + contract.id());
    return ContractView.of(contract, today());
  }

  public List<ContractView> ofCustomer(String customerId) {
    requireCustomer(customerId);
    audit.record("CONTRACTS_READ", customerId, null);
    return contracts(customerId);
  }

  /** The customer's contracts, for their export (audited there). */
  public List<ContractView> contracts(String customerId) {
    LocalDate today = today();
    return em
        .createQuery(
            "select c from Contract c where c.customerId = :customer order by c.startsOn, c.id",
            Contract.class)
        .setParameter("customer", customerId)
        .getResultList()
        .stream()
        .map(c -> ContractView.of(c, today))
        .toList();
  }

  public ContractView read(String contractId) {
    Contract contract = load(contractId, LockModeType.NONE);
    audit.record("CONTRACT_READ", contract.customerId(), "contract " + contract.id());
    return ContractView.of(contract, today());
  }

  public ContractView terminate(String contractId, TerminationInput input) {
    LocalDate endedOn = date("endedOn", input.endedOn);
    Contract contract = load(contractId, LockModeType.PESSIMISTIC_WRITE);
    try {
      contract.terminate(endedOn);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("endedOn", e.getMessage());
    } catch (IllegalStateException e) {
      throw ProblemException.conflict(e.getMessage());
    }
    audit.record("CONTRACT_TERMINATED", contract.customerId(), "contract " + contract.id());
    return ContractView.of(contract, today());
  }

  private Contract load(String contractId, LockModeType lock) {
    return Ids.parse(contractId)
        .map(id -> em.find(Contract.class, id, lock))
        .orElseThrow(() -> ProblemException.notFound("Contract " + contractId));
  }

  private void requireCustomer(String customerId) {
    if (customers.recipient(customerId).isEmpty()) {
      throw ProblemException.notFound("Customer " + customerId);
    }
  }

  private LocalDate today() {
    return calendar.today();
  }

  private static LocalDate date(String field, String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid(field, "must be an ISO-8601 date such as 2026-12-31");
    }
  }
}
