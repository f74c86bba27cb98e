package app.custodian.consent.boundary;

import static app.custodian.platform.control.Strings.blankToNull;

import app.custodian.audit.boundary.AuditTrail;
import app.custodian.consent.control.ConsentLedger;
import app.custodian.consent.entity.ConsentClaim;
import app.custodian.consent.entity.ConsentConfirmation;
import app.custodian.consent.entity.ConsentEmailKind;
import app.custodian.consent.entity.ConsentEvent;
import app.custodian.consent.entity.ConsentState;
import app.custodian.consent.entity.Purpose;
import app.custodian.consent.entity.Suppression;
import app.custodian.consent.entity.SuppressionReason;
import app.custodian.customer.boundary.CustomerService;
import app.custodian.customer.boundary.Recipient;
import app.custodian.platform.control.ProblemException;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
  private static final int CONFIRMATIONS_PER_HOUR = 5;

  @PersistenceContext EntityManager em;
  @Resource SessionContext session;
  @Inject AuditTrail audit;
  @Inject CustomerService customers;
  @Inject SuppressionList suppressions;
  @Inject ConsentEmails notices;
  @Inject PolicyInForce policies;
  @Inject LinkViews views;
  @Inject ConsentSettings settings;

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
    notices.enqueue(customerId, ConsentEmailKind.WITHDRAWN, purpose);
    return true;
  }

  /** What the preference page shows: the person's language and every purpose, ticked or not. */
  public Preferences preferences(String customerId) {
    Recipient recipient = customers.recipient(customerId).orElseThrow(() -> notFound(customerId));
    views.recordOncePerHour(customerId, "PREFERENCES_VIEWED", null);
    return new Preferences(recipient.locale(), grantedPurposes(customerId), Set.of(), false);
  }

  /**
   * The person's own choice for every purpose, from a preferences link. No tick withdraws what was
   * granted, at once. A tick of what was not granted grants nothing yet: the link may have been
   * forwarded or leaked, so the address confirms it first ({@link #confirm}). Sharing with third
   * parties is never granted from a public page.
   */
  public Preferences choose(String customerId, Set<Purpose> wanted) {
    Recipient recipient = lock(customerId);
    Set<Purpose> toConfirm = EnumSet.noneOf(Purpose.class);
    for (Purpose purpose : Purpose.values()) {
      ConsentState state = state(customerId, purpose);
      boolean has = state != null && state.granted();
      boolean wants = wanted.contains(purpose);
      if (wants && !has && purpose != Purpose.THIRD_PARTY_SHARING) {
        toConfirm.add(purpose);
      } else if (!wants && has) {
        suppressions.suppressAs(
            DATA_SUBJECT, recipient.emailIndex(), purpose.name(), SuppressionReason.UNSUBSCRIBED);
        record(recipient, byDataSubject(purpose, false, PREFERENCE_PAGE, "unticked"), false);
      }
    }
    audit.recordAs(DATA_SUBJECT, "PREFERENCES_SAVED", customerId, null);
    boolean tooMany = !toConfirm.isEmpty() && !askToConfirm(customerId, toConfirm);
    return new Preferences(
        recipient.locale(), grantedPurposes(customerId), tooMany ? Set.of() : toConfirm, tooMany);
  }

  private boolean askToConfirm(String customerId, Set<Purpose> purposes) {
    Instant now = clock.instant();
    long recent =
        em.createQuery(
                "select count(c) from ConsentConfirmation c"
                    + " where c.customerId = :id and c.requestedAt > :since",
                Long.class)
            .setParameter("id", customerId)
            .setParameter("since", now.minus(Duration.ofHours(1)))
            .getSingleResult();
    if (recent >= CONFIRMATIONS_PER_HOUR) {
      audit.recordAs(DATA_SUBJECT, "CONSENT_CONFIRMATION_THROTTLED", customerId, null);
      return false;
    }
    ConsentConfirmation confirmation =
        new ConsentConfirmation(customerId, purposes, now, settings.confirmationValidity());
    em.persist(confirmation);
    notices.askToConfirm(confirmation);
    audit.recordAs(
        DATA_SUBJECT,
        "CONSENT_CONFIRMATION_REQUESTED",
        customerId,
        confirmation.id() + " " + purposes);
    return true;
  }

  /** The purposes a confirmation link would grant, while it can still be used. */
  public Optional<Confirming> confirmation(String customerId, String confirmationId) {
    return openConfirmation(customerId, confirmationId, LockModeType.NONE)
        .flatMap(
            c ->
                customers.recipient(customerId).map(r -> new Confirming(r.locale(), c.purposes())));
  }

  /**
   * The person opened the confirmation link and pressed its button: each purpose is granted as
   * their explicit opt-in, the event naming the confirmation. A link works once, before it expires.
   */
  public Optional<Confirming> confirm(String customerId, String confirmationId) {
    Optional<ConsentConfirmation> open =
        openConfirmation(customerId, confirmationId, LockModeType.PESSIMISTIC_WRITE);
    if (open.isEmpty()) {
      return Optional.empty();
    }
    Recipient recipient = lock(customerId);
    Set<Purpose> purposes = open.get().confirm(clock.instant());
    String evidence = "confirmation " + confirmationId;
    for (Purpose purpose : purposes) {
      ConsentState state = state(customerId, purpose);
      if (state == null || !state.granted()) {
        record(recipient, byDataSubject(purpose, true, PREFERENCE_PAGE, evidence), true);
      }
    }
    return Optional.of(new Confirming(recipient.locale(), purposes));
  }

  private Optional<ConsentConfirmation> openConfirmation(
      String customerId, String confirmationId, LockModeType lock) {
    ConsentConfirmation confirmation = em.find(ConsentConfirmation.class, confirmationId, lock);
    return Optional.ofNullable(confirmation)
        .filter(c -> c.customerId().equals(customerId))
        .filter(c -> c.open(clock.instant()));
  }

  /**
   * What the preference page shows: the person's language, the granted purposes, the purposes
   * waiting for the emailed confirmation, and whether too many confirmations were asked for.
   */
  public record Preferences(
      String locale,
      Map<Purpose, Boolean> granted,
      Set<Purpose> awaitingConfirmation,
      boolean tooManyConfirmations) {}

  /** A confirmation link's page: the person's language and the purposes it grants. */
  public record Confirming(String locale, Set<Purpose> purposes) {}

  /**
   * Every event of the ledger is built here. A claim that names no policy version is recorded with
   * the version in force at its moment (none while no policy is registered); a named one is kept.
   */
  private ConsentEvent record(Recipient recipient, ConsentClaim given, boolean explicitOptIn) {
    ConsentClaim claim =
        given.policyVersion() != null
            ? given
            : given.withPolicyVersion(policies.versionAt(given.at()).orElse(null));
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
      notices.enqueue(recipient.customerId(), ConsentEmailKind.GRANTED, claim.purpose());
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
