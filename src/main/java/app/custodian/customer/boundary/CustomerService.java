package app.custodian.customer.boundary;

import app.custodian.audit.boundary.AuditTrail;
import app.custodian.customer.control.CustomerMergePatch;
import app.custodian.customer.control.CustomerNormaliser;
import app.custodian.customer.entity.Customer;
import app.custodian.customer.entity.CustomerDetails;
import app.custodian.platform.control.Ids;
import app.custodian.platform.control.Page;
import app.custodian.platform.control.PageRequest;
import app.custodian.platform.control.ProblemException;
import app.custodian.platform.control.Violations;
import app.custodian.security.control.BlindIndex;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.validation.Validator;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.sql.DataSource;

/** Customer records: every read, change and erasure is audited in the same transaction. */
@Stateless
public class CustomerService {

  @PersistenceContext EntityManager em;
  @Inject AuditTrail audit;
  @Inject BlindIndex blindIndex;
  @Inject Validator validator;
  @Inject CustomerSearch search;
  @Inject CurrentConsents consents;
  @Inject Event<CustomerEmailSet> emailSet;
  @Inject CustomerDeletions deletions;
  @Inject Event<CustomersErased> erasedAfterCommit;

  @Resource(lookup = "jdbc/custodian")
  DataSource dataSource;

  @Inject @Any Instance<CustomerDataSection> sections;

  Clock clock = Clock.systemUTC();

  public CustomerView create(CustomerInput input) {
    CustomerDetails details = CustomerNormaliser.details(input);
    var indexes = CustomerNormaliser.indexes(details, blindIndex);
    rejectTakenEmail(indexes.email(), null);
    emailSet.fire(new CustomerEmailSet(details.email()));
    Customer customer = new Customer(details, indexes, clock.instant());
    em.persist(customer);
    audit.record("CUSTOMER_CREATED", customer.id(), null);
    return view(customer);
  }

  public CustomerView read(String id) {
    Customer customer = load(id);
    audit.record("CUSTOMER_READ", customer.id(), null);
    return view(customer);
  }

  public Page<CustomerView> find(String query, PageRequest page) {
    Page<Customer> found = search.find(query, page);
    found.items().forEach(c -> audit.record("CUSTOMER_READ", c.id(), "list"));
    var consentsById = consents.of(found.items().stream().map(Customer::id).toList());
    return found.map(c -> CustomerView.of(c, consentsById.get(c.id())));
  }

  public CustomerView rectify(String id, JsonObject patch) {
    Customer customer = load(id);
    CustomerInput changed =
        CustomerMergePatch.apply(CustomerNormaliser.input(customer.details()), patch);
    Violations.check(validator, changed);
    CustomerDetails details = CustomerNormaliser.details(changed);
    var indexes = CustomerNormaliser.indexes(details, blindIndex);
    rejectTakenEmail(indexes.email(), customer.id());
    emailSet.fire(new CustomerEmailSet(details.email()));
    customer.rectify(details, indexes, clock.instant());
    audit.record("CUSTOMER_RECTIFIED", customer.id(), "fields " + patch.keySet());
    return view(customer);
  }

  /** Erasure on request, by the same code as the retention purge. */
  public void erase(String id) {
    Customer customer = load(id);
    if (customer.underLegalHold()) {
      throw ProblemException.conflict(
          "The customer is under legal hold and cannot be erased: " + customer.legalHoldReason());
    }
    // a connection of the same pool joins this transaction: the deletion commits with it
    try (Connection connection = dataSource.getConnection()) {
      List<String> erased =
          deletions.delete(
              connection,
              Map.of(customer.id(), CustomerDeletions.ERASURE_REQUEST),
              audit.actor(),
              null);
      if (erased.isEmpty()) {
        throw ProblemException.conflict(
            "The customer was placed under legal hold, or erased, while this request ran");
      }
      erasedAfterCommit.fire(new CustomersErased(erased));
    } catch (SQLException e) {
      throw new PersistenceException("Could not erase customer " + customer.id(), e);
    }
    em.detach(customer);
  }

  /**
   * Everything held about one person, as one machine-readable document: the moment, the profile and
   * each feature's section, in name order (as JSON-B writes a record's fields).
   */
  public SortedMap<String, Object> export(String id) {
    Customer customer = load(id);
    audit.record("CUSTOMER_EXPORTED", customer.id(), null);
    SortedMap<String, Object> export = new TreeMap<>();
    export.put("exportedAt", clock.instant());
    export.put("profile", view(customer));
    for (CustomerDataSection section : sections) {
      export.put(section.name(), section.of(customer.id(), customer.details().locale()));
    }
    return export;
  }

  /**
   * The messages sent to the customer, as their export lists them, by section name ({@code
   * messages}, {@code renewalReminders}, {@code notices}); a staff read, audited.
   */
  public SortedMap<String, List<?>> correspondence(String id) {
    Customer customer = load(id);
    audit.record("CUSTOMER_MESSAGES_READ", customer.id(), null);
    SortedMap<String, List<?>> sent = new TreeMap<>();
    for (CustomerDataSection section : sections) {
      if (section.isCorrespondence()) {
        sent.put(section.name(), section.of(customer.id(), customer.details().locale()));
      }
    }
    return sent;
  }

  public CustomerView placeLegalHold(String id, String reason) {
    Customer customer = load(id);
    customer.placeLegalHold(reason, clock.instant());
    audit.record("LEGAL_HOLD_PLACED", customer.id(), null);
    return view(customer);
  }

  /**
   * Why the customer is under legal hold, if they are: for a feature that must decide before it
   * erases (a privacy request refused with the reason). Not a read of the record.
   */
  public Optional<String> legalHoldReason(String id) {
    Customer customer = load(id);
    return customer.underLegalHold() ? Optional.of(customer.legalHoldReason()) : Optional.empty();
  }

  public void releaseLegalHold(String id) {
    Customer customer = load(id);
    customer.releaseLegalHold(clock.instant());
    audit.record("LEGAL_HOLD_RELEASED", customer.id(), null);
  }

  /**
   * The customer's address for a message or a consent decision. Not a staff read of the record, so
   * not audited here; sending is.
   */
  public Optional<Recipient> recipient(String id) {
    return Ids.parse(id).map(key -> em.find(Customer.class, key)).map(CustomerService::recipient);
  }

  /** As {@link #recipient}, holding the customer's row until the transaction ends. */
  public Optional<Recipient> recipientForUpdate(String id) {
    return Ids.parse(id)
        .map(key -> em.find(Customer.class, key, LockModeType.PESSIMISTIC_WRITE))
        .map(CustomerService::recipient);
  }

  private static Recipient recipient(Customer customer) {
    CustomerDetails d = customer.details();
    return new Recipient(customer.id(), d.fullName(), d.email(), customer.emailIndex(), d.locale());
  }

  private CustomerView view(Customer customer) {
    return CustomerView.of(customer, consents.of(customer.id()));
  }

  private Customer load(String id) {
    return Ids.parse(id)
        .map(key -> em.find(Customer.class, key))
        .orElseThrow(() -> ProblemException.notFound("Customer " + id));
  }

  private void rejectTakenEmail(String emailIndex, String exceptId) {
    Optional<String> existing =
        search.idByEmailIndex(emailIndex).filter(id -> !id.equals(exceptId));
    if (existing.isPresent()) {
      throw ProblemException.conflict(
          "A customer with this email exists already", Map.of("existingId", existing.get()));
    }
  }
}
