package app.custodian.consent.boundary;

import static app.custodian.platform.control.Strings.blankToNull;

import app.custodian.audit.boundary.AuditTrail;
import app.custodian.consent.control.ConsentLedger;
import app.custodian.consent.entity.ConsentClaim;
import app.custodian.consent.entity.ConsentEvent;
import app.custodian.consent.entity.ConsentState;
import app.custodian.consent.entity.NoticeKind;
import app.custodian.consent.entity.Purpose;
import app.custodian.consent.entity.Suppression;
import app.custodian.consent.entity.SuppressionReason;
import app.custodian.customer.boundary.CustomerService;
import app.custodian.customer.boundary.Recipient;
import app.custodian.platform.control.ProblemException;
import app.custodian.policy.boundary.PolicyService;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The consent ledger: staff record claims, people withdraw or choose on the public pages. Every
 * change appends an event, keeps the current state in step and is audited in one transaction.
 */
@Stateless
public class ConsentService {

  /** The actor of what people do themselves on the public pages. */
  public static final String DATA_SUBJECT = "data-subject";

  static final String EMAIL_LINK = "email-link";
  static final String PREFERENCE_PAGE = "preference-page";
  private static final Set<String> RESERVED_SOURCES = Set.of(EMAIL_LINK, PREFERENCE_PAGE);

  @PersistenceContext EntityManager em;
  @Resource SessionContext session;
  @Inject AuditTrail audit;
  @Inject CustomerService customers;
  @Inject SuppressionList suppressions;
  @Inject ConsentNotices notices;
  @Inject PolicyService policies;

  Clock clock = Clock.systemUTC();

  /** A staff member records a consent or a withdrawal. */
  public ConsentChangeView change(String customerId, Purpose purpose, ConsentInput input) {
    String source = input.source.strip();
    if (RESERVED_SOURCES.contains(source.toLowerCase(Locale.ROOT))) {
      throw ProblemException.invalid("source", "is reserved for the person's own actions");
    }
    Recipient recipient = lock(customerId);
    ConsentClaim claim =
        new ConsentClaim(
            purpose,
            input.granted,
            clock.instant(),
            session.getCallerPrincipal().getName(),
            source,
            blankToNull(input.policyVersion),
            blankToNull(input.evidence));
    ConsentEvent event = record(recipient, claim, false);
    return ConsentChangeView.of(event, CurrentConsent.of(state(customerId, purpose)));
  }

  public ConsentsView consents(String customerId) {
    Recipient recipient = customers.recipient(customerId).orElseThrow(() -> notFound(customerId));
    audit.record("CONSENTS_READ", recipient.customerId(), null);
    return new ConsentsView(current(recipient.customerId()), history(recipient.customerId()));
  }

  /** Every purpose's current state, for a customer's record. */
  public Map<String, CurrentConsent> current(String customerId) {
    return current(List.of(customerId)).get(customerId);
  }

  public Map<String, Map<String, CurrentConsent>> current(Collection<String> customerIds) {
    Map<String, Map<String, CurrentConsent>> byCustomer = new HashMap<>();
    customerIds.forEach(id -> byCustomer.put(id, allNeverGiven()));
    if (!customerIds.isEmpty()) {
      em.createQuery("select s from ConsentState s where s.customerId in :ids", ConsentState.class)
          .setParameter("ids", customerIds)
          .getResultList()
          .forEach(
              s -> byCustomer.get(s.customerId()).put(s.purpose().name(), CurrentConsent.of(s)));
    }
    return byCustomer;
  }

  /** The ledger of one customer, oldest first. */
  public List<ConsentHistoryItem> history(String customerId) {
    return em
        .createQuery(
            "select e from ConsentEvent e where e.customerId = :id order by e.at, e.id",
            ConsentEvent.class)
        .setParameter("id", customerId)
        .getResultList()
        .stream()
        .map(ConsentHistoryItem::of)
        .toList();
  }

  /**
   * The person's one-click unsubscribe: withdraws at once, blocks re-imports, confirms once.
   * Repeating it changes nothing. Returns whether this call withdrew the consent.
   */
  public boolean unsubscribe(String customerId, Purpose purpose, String evidence) {
    Recipient recipient = lock(customerId);
    suppressions.suppressAs(
        DATA_SUBJECT, recipient.emailIndex(), purpose.name(), SuppressionReason.UNSUBSCRIBED);
    ConsentState state = state(customerId, purpose);
    if (state != null && !state.granted()) {
      audit.recordAs(DATA_SUBJECT, "UNSUBSCRIBE_REPEATED", customerId, purpose.name());
      return false;
    }
    record(recipient, byDataSubject(purpose, false, EMAIL_LINK, evidence), false);
    notices.enqueue(customerId, NoticeKind.WITHDRAWN, purpose);
    return true;
  }

  /** What the preference page shows: the person's language and every purpose, ticked or not. */
  public Preferences preferences(String customerId) {
    Recipient recipient = customers.recipient(customerId).orElseThrow(() -> notFound(customerId));
    audit.recordAs(DATA_SUBJECT, "PREFERENCES_VIEWED", customerId, null);
    return new Preferences(recipient.locale(), grantedPurposes(customerId));
  }

  /**
   * The person's own choice for every purpose: a tick is an explicit opt-in (which lifts their
   * earlier unsubscribe), no tick a withdrawal of what was granted.
   */
  public Preferences choose(String customerId, Set<Purpose> wanted) {
    Recipient recipient = lock(customerId);
    for (Purpose purpose : Purpose.values()) {
      ConsentState state = state(customerId, purpose);
      boolean has = state != null && state.granted();
      boolean wants = wanted.contains(purpose);
      if (wants && !has) {
        record(recipient, byDataSubject(purpose, true, PREFERENCE_PAGE, "ticked"), true);
      } else if (!wants && has) {
        suppressions.suppressAs(
            DATA_SUBJECT, recipient.emailIndex(), purpose.name(), SuppressionReason.UNSUBSCRIBED);
        record(recipient, byDataSubject(purpose, false, PREFERENCE_PAGE, "unticked"), false);
      }
    }
    audit.recordAs(DATA_SUBJECT, "PREFERENCES_SAVED", customerId, null);
    return new Preferences(recipient.locale(), grantedPurposes(customerId));
  }

  /** The language and granted purposes shown on the preference page. */
  public record Preferences(String locale, Map<Purpose, Boolean> granted) {}

  /**
   * Every event of the ledger is built here. A claim that names no policy version is recorded with
   * the version in force at its moment (none while no policy is registered); a named one is kept.
   */
  private ConsentEvent record(Recipient recipient, ConsentClaim given, boolean explicitOptIn) {
    ConsentClaim claim =
        given.policyVersion() != null
            ? given
            : given.withPolicyVersion(policies.versionInForce(given.at()).orElse(null));
    List<Suppression> suppressed = suppressions.of(recipient.emailIndex());
    ConsentEvent event =
        ConsentLedger.decide(recipient.customerId(), claim, suppressed, explicitOptIn);
    em.persist(event);
    ConsentState state = state(recipient.customerId(), claim.purpose());
    boolean wasGranted = state != null && state.granted();
    if (event.applied() && state == null) {
      em.persist(ConsentState.first(event));
    } else if (event.applied()) {
      state.apply(event);
    }
    if (explicitOptIn && claim.granted()) {
      suppressions.liftForOptIn(claim.actor(), claim.purpose(), suppressed);
    }
    if (event.applied() && event.granted() && !wasGranted) {
      notices.enqueue(recipient.customerId(), NoticeKind.GRANTED, claim.purpose());
    }
    audit.recordAs(
        claim.actor(), action(event), recipient.customerId(), claim.purpose() + " " + event.id());
    return event;
  }

  private static String action(ConsentEvent event) {
    if (!event.applied()) {
      return "CONSENT_CLAIM_NOT_APPLIED";
    }
    return event.granted() ? "CONSENT_GRANTED" : "CONSENT_WITHDRAWN";
  }

  private ConsentClaim byDataSubject(
      Purpose purpose, boolean granted, String source, String evidence) {
    Instant now = clock.instant();
    return new ConsentClaim(purpose, granted, now, DATA_SUBJECT, source, null, evidence);
  }

  private Map<Purpose, Boolean> grantedPurposes(String customerId) {
    Map<Purpose, Boolean> granted = new EnumMap<>(Purpose.class);
    current(customerId).forEach((purpose, c) -> granted.put(Purpose.valueOf(purpose), c.granted()));
    return granted;
  }

  private ConsentState state(String customerId, Purpose purpose) {
    return em.find(ConsentState.class, new ConsentState.Key(customerId, purpose));
  }

  private Recipient lock(String customerId) {
    return customers.recipientForUpdate(customerId).orElseThrow(() -> notFound(customerId));
  }

  private static Map<String, CurrentConsent> allNeverGiven() {
    Map<String, CurrentConsent> all = new LinkedHashMap<>();
    for (Purpose purpose : Purpose.values()) {
      all.put(purpose.name(), CurrentConsent.NEVER_GIVEN);
    }
    return all;
  }

  private static ProblemException notFound(String customerId) {
    return ProblemException.notFound("Customer " + customerId);
  }
}
