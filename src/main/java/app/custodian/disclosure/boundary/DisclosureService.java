package app.custodian.disclosure.boundary;

import app.custodian.audit.boundary.AuditTrail;
import app.custodian.consent.entity.ConsentState;
import app.custodian.consent.entity.Purpose;
import app.custodian.customer.boundary.CustomerService;
import app.custodian.customer.entity.DataCategory;
import app.custodian.disclosure.entity.Disclosure;
import app.custodian.disclosure.entity.LegalBasis;
import app.custodian.platform.control.FieldError;
import app.custodian.platform.control.Ids;
import app.custodian.platform.control.Page;
import app.custodian.platform.control.PageRequest;
import app.custodian.platform.control.ProblemException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The disclosure log. A disclosure on {@code CONSENT} needs {@code THIRD_PARTY_SHARING} granted at
 * the moment it is recorded; the consent row stays locked until the entry commits, so a withdrawal
 * cannot slip in between. Every entry and every read is audited.
 */
@Stateless
public class DisclosureService {

  @PersistenceContext EntityManager em;
  @Inject AuditTrail audit;
  @Inject CustomerService customers;

  Clock clock = Clock.systemUTC();

  public DisclosureView record(String customerId, DisclosureInput input) {
    requireCustomer(customerId);
    Instant now = clock.instant();
    LegalBasis basis = legalBasis(input.legalBasis);
    List<DataCategory> categories = categories(input.dataCategories);
    Instant disclosedAt = disclosedAt(input.disclosedAt, now);
    String consentEvent = basis == LegalBasis.CONSENT ? sharingConsent(customerId) : null;
    Disclosure disclosure =
        new Disclosure(
            customerId,
            input.recipient.strip(),
            basis,
            categories,
            Optional.ofNullable(input.reference).map(String::strip).orElse(null),
            disclosedAt,
            audit.actor(),
            consentEvent,
            now);
    em.persist(disclosure);
    audit.record(
        "DISCLOSURE_RECORDED", customerId, "disclosure " + disclosure.id() + ", " + basis.name());
    return DisclosureView.of(disclosure);
  }

  public Page<DisclosureView> ofCustomer(String customerId, PageRequest page) {
    requireCustomer(customerId);
    audit.record("DISCLOSURES_READ", customerId, null);
    long total =
        em.createQuery(
                "select count(d) from Disclosure d where d.customerId = :customer", Long.class)
            .setParameter("customer", customerId)
            .getSingleResult();
    List<DisclosureView> items =
        query(customerId)
            .setFirstResult(page.offset())
            .setMaxResults(page.size())
            .getResultList()
            .stream()
            .map(DisclosureView::of)
            .toList();
    return Page.of(items, page, total);
  }

  public DisclosureView read(String customerId, String disclosureId) {
    Disclosure disclosure =
        Ids.parse(disclosureId)
            .map(id -> em.find(Disclosure.class, id))
            .filter(d -> d.customerId().equals(customerId))
            .orElseThrow(() -> ProblemException.notFound("Disclosure " + disclosureId));
    audit.record("DISCLOSURE_READ", customerId, "disclosure " + disclosure.id());
    return DisclosureView.of(disclosure);
  }

  /** The customer's disclosures, for their export (audited there). */
  public List<DisclosureView> disclosuresOf(String customerId) {
    return query(customerId).getResultList().stream().map(DisclosureView::of).toList();
  }

  /** Everyone the log says received personal data: for the records of processing. */
  public List<DisclosureRecipient> recipients() {
    return em.createQuery(
            "select new app.custodian.disclosure.boundary.DisclosureRecipient("
                + "d.recipient, d.legalBasis, count(d)) from Disclosure d"
                + " group by d.recipient, d.legalBasis order by d.recipient, d.legalBasis",
            DisclosureRecipient.class)
        .getResultList();
  }

  private TypedQuery<Disclosure> query(String customerId) {
    return em.createQuery(
            "select d from Disclosure d where d.customerId = :customer"
                + " order by d.disclosedAt, d.id",
            Disclosure.class)
        .setParameter("customer", customerId);
  }

  private String sharingConsent(String customerId) {
    ConsentState sharing =
        em.find(
            ConsentState.class,
            new ConsentState.Key(customerId, Purpose.THIRD_PARTY_SHARING),
            LockModeType.PESSIMISTIC_WRITE);
    if (sharing == null || !sharing.granted()) {
      throw ProblemException.conflict(
          "A disclosure on CONSENT needs the customer's THIRD_PARTY_SHARING consent, which is not"
              + " granted");
    }
    return sharing.eventId();
  }

  private void requireCustomer(String customerId) {
    if (customers.recipient(customerId).isEmpty()) {
      throw ProblemException.notFound("Customer " + customerId);
    }
  }

  private static LegalBasis legalBasis(String name) {
    return LegalBasis.parse(name)
        .orElseThrow(
            () -> ProblemException.invalid("legalBasis", "must be one of " + LegalBasis.names()));
  }

  private static List<DataCategory> categories(List<String> names) {
    List<DataCategory> categories = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      Optional<DataCategory> category = DataCategory.parse(names.get(i));
      if (category.isPresent()) {
        categories.add(category.get());
      } else {
        errors.add(
            new FieldError("dataCategories[" + i + "]", "must be one of " + DataCategory.names()));
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    return categories;
  }

  private static Instant disclosedAt(String text, Instant now) {
    if (text == null || text.isBlank()) {
      return now;
    }
    try {
      Instant at = Instant.parse(text.strip());
      if (at.isAfter(now)) {
        throw ProblemException.invalid("disclosedAt", "must not be in the future");
      }
      return at;
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid(
          "disclosedAt", "must be an ISO-8601 instant such as 2026-11-25T08:00:00Z");
    }
  }
}
