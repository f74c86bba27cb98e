package app.custodian.privacy.boundary;

import app.custodian.audit.boundary.AuditTrail;
import app.custodian.consent.boundary.ConsentInput;
import app.custodian.consent.boundary.ConsentService;
import app.custodian.consent.boundary.CurrentConsent;
import app.custodian.consent.entity.Purpose;
import app.custodian.customer.boundary.CustomerSearch;
import app.custodian.customer.boundary.CustomerService;
import app.custodian.customer.boundary.Recipient;
import app.custodian.platform.boundary.LocalCalendar;
import app.custodian.platform.control.DatabaseTime;
import app.custodian.platform.control.FieldError;
import app.custodian.platform.control.Ids;
import app.custodian.platform.control.Page;
import app.custodian.platform.control.PageRequest;
import app.custodian.platform.control.ProblemException;
import app.custodian.privacy.control.CodeCheck;
import app.custodian.privacy.control.DeadlineRules;
import app.custodian.privacy.control.ReceivedAt;
import app.custodian.privacy.entity.PrivacyEmailKind;
import app.custodian.privacy.entity.PrivacyLink;
import app.custodian.privacy.entity.PrivacyRequest;
import app.custodian.privacy.entity.RequestChannel;
import app.custodian.privacy.entity.RequestStatus;
import app.custodian.privacy.entity.RequestType;
import app.custodian.privacy.entity.VerificationMethod;
import app.custodian.security.control.BlindIndex;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Privacy requests: recorded with their deadlines, verified, extended once, fulfilled through the
 * customer and consent features, or refused; every step audited in its transaction, and the person
 * told by email after the commit.
 */
@Stateless
public class PrivacyRequestService {

  /** The consent ledger's source for withdrawals that fulfil a request. */
  public static final String CONSENT_SOURCE = "privacy-request";

  /** The actor of what a person does through the public form's link. */
  public static final String LINK_ACTOR = "customer:link";

  static final Set<Purpose> DIRECT_MARKETING = EnumSet.of(Purpose.NEWSLETTER, Purpose.SURVEY);

  /** The field of a completion's body with what a refusal under legal hold tells the person. */
  static final String REASON_FOR_PERSON = "reasonForPerson";

  @PersistenceContext EntityManager em;
  @Inject AuditTrail audit;
  @Inject CustomerService customers;
  @Inject ConsentService consents;
  @Inject PrivacyEmails notices;
  @Inject PrivacySettings settings;
  @Inject LocalCalendar calendar;
  @Inject BlindIndex blindIndex;
  @Inject CustomerSearch search;

  Clock clock = Clock.systemUTC();

  /** What the completion of a request produced: the request, and the export of an ACCESS. */
  public record Completion(PrivacyRequestView request, Map<String, Object> export) {}

  /** What a code given by the person did; a WRONG one is counted and committed. */
  public record CodeResult(
      CodeCheck.Outcome outcome, int attemptsLeft, PrivacyRequestView request) {}

  public PrivacyRequestView create(PrivacyRequestInput input) {
    Instant now = clock.instant();
    List<FieldError> errors = new ArrayList<>();
    Optional<Recipient> recipient = Optional.empty();
    if (input.customerId == null || input.customerId.isBlank()) {
      errors.add(new FieldError("customerId", "is required"));
    } else if (Ids.parse(input.customerId).isEmpty()) {
      errors.add(new FieldError("customerId", "must be a customer id (UUID)"));
    } else {
      recipient = customers.recipient(input.customerId);
      if (recipient.isEmpty()) {
        errors.add(new FieldError("customerId", "names no customer"));
      }
    }
    Optional<RequestType> type = RequestType.parse(input.type);
    if (type.isEmpty()) {
      errors.add(new FieldError("type", "must be one of " + RequestType.names()));
    }
    Optional<RequestChannel> channel =
        input.channel == null
            ? Optional.of(RequestChannel.EMAIL)
            : RequestChannel.parse(input.channel);
    if (channel.isEmpty()) {
      errors.add(new FieldError("channel", "must be one of " + RequestChannel.names()));
    }
    Instant receivedAt = now;
    if (input.receivedAt != null) {
      Optional<Instant> parsed = ReceivedAt.parse(input.receivedAt, calendar.zone());
      if (parsed.isEmpty()) {
        errors.add(
            new FieldError(
                "receivedAt",
                "must be an ISO-8601 instant, offset date-time or date, such as"
                    + " 2026-03-02T03:00:00Z"));
      } else if (parsed.get().isAfter(now)) {
        errors.add(new FieldError("receivedAt", "must not be in the future"));
      } else {
        receivedAt = parsed.get();
      }
    }
    if (input.processorsInvolved != null && !(input.processorsInvolved instanceof Boolean)) {
      errors.add(new FieldError("processorsInvolved", "must be true or false"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    PrivacyRequest request =
        open(
            recipient.get().customerId(),
            type.get(),
            channel.get(),
            receivedAt,
            Boolean.TRUE.equals(input.processorsInvolved),
            now);
    audit.record("PRIVACY_REQUEST_CREATED", request.customerId(), detail(request));
    return view(request);
  }

  public PrivacyRequestView read(String id) {
    PrivacyRequest request = load(id, false);
    audit.record("PRIVACY_REQUEST_READ", request.customerId(), detail(request));
    return view(request);
  }

  public Page<PrivacyRequestView> find(
      String status, String overdue, String customerId, PageRequest page) {
    QueueFilter filter = filter(status, overdue, customerId);
    TypedQuery<PrivacyRequest> query =
        em.createQuery(
            "select r from PrivacyRequest r" + filter.where() + " order by r.dueBy, r.id",
            PrivacyRequest.class);
    filter.parameters().forEach(query::setParameter);
    List<PrivacyRequest> found =
        query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
    found.forEach(r -> audit.record("PRIVACY_REQUEST_READ", r.customerId(), "list " + r.id()));
    LocalDate today = calendar.today();
    return Page.of(found, page, count(filter)).map(r -> PrivacyRequestView.of(r, today));
  }

  /** The where clause of the queue's filters, and its parameters. */
  private record QueueFilter(String where, Map<String, Object> parameters) {}

  private QueueFilter filter(String status, String overdue, String customerId) {
    List<FieldError> errors = new ArrayList<>();
    Optional<RequestStatus> wantedStatus = RequestStatus.parse(status);
    if (status != null && wantedStatus.isEmpty()) {
      errors.add(new FieldError("status", "must be one of " + RequestStatus.names()));
    }
    if (overdue != null && !overdue.equals("true") && !overdue.equals("false")) {
      errors.add(new FieldError("overdue", "must be true or false"));
    }
    if (customerId != null && Ids.parse(customerId).isEmpty()) {
      errors.add(new FieldError("customerId", "must be a customer id (UUID)"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    StringJoiner where = new StringJoiner(" and ", " where ", "").setEmptyValue("");
    Map<String, Object> parameters = new LinkedHashMap<>();
    wantedStatus.ifPresent(
        s -> {
          where.add("r.status = :status");
          parameters.put("status", s);
        });
    if (overdue != null) {
      String overdueClause = "(r.status in :open and r.dueBy < :today)";
      where.add(Boolean.parseBoolean(overdue) ? overdueClause : "not " + overdueClause);
      parameters.put("open", List.of(RequestStatus.PENDING_VERIFICATION, RequestStatus.VERIFIED));
      parameters.put("today", calendar.today());
    }
    if (customerId != null) {
      where.add("r.customerId = :customerId");
      parameters.put("customerId", Ids.parse(customerId).get());
    }
    return new QueueFilter(where.toString(), parameters);
  }

  private long count(QueueFilter filter) {
    TypedQuery<Long> count =
        em.createQuery("select count(r) from PrivacyRequest r" + filter.where(), Long.class);
    filter.parameters().forEach(count::setParameter);
    return count.getSingleResult();
  }

  /** Verification by an operator's recorded check. */
  public PrivacyRequestView verifyByOperator(String id, String evidence) {
    PrivacyRequest request = load(id, true);
    request.verified(VerificationMethod.OPERATOR_CHECK, audit.actor(), evidence, clock.instant());
    audit.record(
        "PRIVACY_REQUEST_VERIFIED", request.customerId(), detail(request) + " OPERATOR_CHECK");
    return view(request);
  }

  /** Verification by the code sent to the address on file. */
  public CodeResult verifyByCode(String id, String code) {
    PrivacyRequest request = load(id, true);
    int max = settings.codeAttempts();
    CodeCheck.Outcome outcome =
        request.tryCode(codeHash(blindIndex, request.id(), code.strip()), max, clock.instant());
    switch (outcome) {
      case NONE ->
          throw ProblemException.conflict(
              "No verification code is waiting for this request; send one with POST"
                  + " /api/v1/privacy-requests/"
                  + request.id()
                  + "/verification-code");
      case DEAD ->
          throw ProblemException.conflict(
              "The verification code has expired or was tried too often; a new code must be sent"
                  + " (POST /api/v1/privacy-requests/"
                  + request.id()
                  + "/verification-code)");
      case WRONG ->
          audit.record("PRIVACY_REQUEST_CODE_WRONG", request.customerId(), detail(request));
      case VERIFIED ->
          audit.record("PRIVACY_REQUEST_VERIFIED", request.customerId(), detail(request) + " CODE");
    }
    return new CodeResult(outcome, Math.max(0, max - request.codeAttempts()), view(request));
  }

  /** Sends a fresh code; the earlier one dies at once. */
  public PrivacyRequestView sendCode(String id) {
    PrivacyRequest request = load(id, true);
    if (request.status() != RequestStatus.PENDING_VERIFICATION) {
      throw ProblemException.conflict(
          "Cannot send a code for a request that is " + request.status());
    }
    if (request.suspended()) {
      throw ProblemException.conflict(
          "No email goes out about a suspended request (suspected fraud); clear it first");
    }
    request.codeWithdrawn();
    notices.enqueue(request.customerId(), request.id(), PrivacyEmailKind.ACKNOWLEDGEMENT);
    audit.record("PRIVACY_REQUEST_CODE_SENT", request.customerId(), detail(request));
    return view(request);
  }

  public PrivacyRequestView extend(String id, String reason) {
    PrivacyRequest request = load(id, true);
    DeadlineRules rules = settings.deadlines();
    request.extend(rules.extended(request.dueBy()), reason);
    notices.enqueue(request.customerId(), request.id(), PrivacyEmailKind.EXTENDED);
    audit.record("PRIVACY_REQUEST_EXTENDED", request.customerId(), detail(request));
    return view(request);
  }

  /** Refuses for a reason written for the person: they are told it. */
  public PrivacyRequestView refuse(String id, String reason) {
    return refuse(id, reason, null);
  }

  /**
   * Refuses the request.
   *
   * @param reasonForPerson what the person is told, when {@code reason} is for staff only; null:
   *     {@code reason} is written for the person and they are told it
   */
  public PrivacyRequestView refuse(String id, String reason, String reasonForPerson) {
    PrivacyRequest request = load(id, true);
    request.refuse(reason, reasonForPerson == null ? reason : reasonForPerson, clock.instant());
    notices.enqueue(request.customerId(), request.id(), PrivacyEmailKind.REFUSED);
    audit.record("PRIVACY_REQUEST_REFUSED", request.customerId(), detail(request));
    return view(request);
  }

  public PrivacyRequestView suspend(String id, String reason) {
    PrivacyRequest request = load(id, true);
    request.suspend(reason);
    audit.record("PRIVACY_REQUEST_SUSPENDED", request.customerId(), detail(request));
    return view(request);
  }

  public PrivacyRequestView clearSuspension(String id) {
    PrivacyRequest request = load(id, true);
    request.clearSuspension();
    audit.record("PRIVACY_REQUEST_CLEARED", request.customerId(), detail(request));
    return view(request);
  }

  /**
   * Fulfils a verified request with what exists: the export, the merge patch, the deletion code or
   * the consent ledger. An erasure under legal hold is refused (a decision, not an error): staff
   * see the hold's reason, the person is told {@code "reasonForPerson"} from the body, or else the
   * standard text.
   */
  public Completion complete(String id, JsonObject body) {
    String reasonForPerson = reasonForPerson(body);
    PrivacyRequest request = load(id, true);
    request.requireCompletable();
    String customerId = request.customerId();
    Map<String, Object> export = null;
    switch (request.type()) {
      case ACCESS -> export = customers.export(customerId);
      case RECTIFICATION -> customers.rectify(customerId, changes(body));
      case ERASURE -> {
        Optional<String> hold = customers.legalHoldReason(customerId);
        if (hold.isPresent()) {
          request.refuse("legal hold: " + hold.get(), reasonForPerson, clock.instant());
          notices.enqueue(customerId, request.id(), PrivacyEmailKind.REFUSED);
          audit.record("PRIVACY_REQUEST_REFUSED", customerId, detail(request) + " legal hold");
          return new Completion(view(request), null);
        }
        Recipient recipient =
            customers
                .recipient(customerId)
                .orElseThrow(() -> ProblemException.conflict("The customer no longer exists"));
        request.complete(clock.instant());
        notices.enqueueBeforeErasure(recipient, request.id());
        audit.record("PRIVACY_REQUEST_COMPLETED", customerId, detail(request));
        customers.erase(customerId);
        return new Completion(view(request), null);
      }
      case WITHDRAW_CONSENT, OBJECTION, RESTRICTION -> withdraw(request, body);
    }
    request.complete(clock.instant());
    notices.enqueue(customerId, request.id(), PrivacyEmailKind.COMPLETED);
    audit.record("PRIVACY_REQUEST_COMPLETED", customerId, detail(request));
    return new Completion(view(request), export);
  }

  /**
   * A submission of the public form, matched after its answer went ({@link PrivacySubmissions}):
   * queues a verification link if a live customer has the address, and if the last link went out
   * more than {@code CUSTODIAN_REQUESTS_LINK_INTERVAL} ago. The email goes after the commit.
   */
  public void requestLink(String emailIndex) {
    Optional<String> customerId = search.idByEmailIndex(emailIndex);
    customerId.ifPresent(
        id -> {
          if (linkTurn(id)) {
            notices.enqueue(id, null, PrivacyEmailKind.LINK);
            audit.recordAs(LINK_ACTOR, "PRIVACY_LINK_REQUESTED", id, null);
          } else {
            audit.recordAs(LINK_ACTOR, "PRIVACY_LINK_THROTTLED", id, null);
          }
        });
  }

  private boolean linkTurn(String customerId) {
    // the row exists before it is locked, so two forms posted at once take turns
    em.createNativeQuery(
            "insert into privacy_link (customer_id, sent_at) values (?, ?) on conflict do nothing")
        .setParameter(1, customerId)
        .setParameter(2, DatabaseTime.column(Instant.EPOCH))
        .executeUpdate();
    return em.find(PrivacyLink.class, customerId, LockModeType.PESSIMISTIC_WRITE)
        .take(clock.instant(), settings.linkInterval());
  }

  /** The language of a live customer, for the public form's pages. */
  public Optional<String> localeOf(String customerId) {
    return customers.recipient(customerId).map(Recipient::locale);
  }

  /** A request made through the public form's link: the link proved the address. */
  public PrivacyRequestView createFromLink(String customerId, RequestType type) {
    Instant now = clock.instant();
    Recipient recipient =
        customers
            .recipient(customerId)
            .orElseThrow(() -> ProblemException.notFound("Customer " + customerId));
    PrivacyRequest request =
        open(recipient.customerId(), type, RequestChannel.WEB, now, false, now);
    request.verified(VerificationMethod.EMAIL_LINK, LINK_ACTOR, null, now);
    audit.recordAs(LINK_ACTOR, "PRIVACY_REQUEST_CREATED", customerId, detail(request));
    audit.recordAs(
        LINK_ACTOR, "PRIVACY_REQUEST_VERIFIED", customerId, request.id() + " EMAIL_LINK");
    return view(request);
  }

  /** The HMAC of a code, bound to its request so a code cannot serve another one. */
  static String codeHash(BlindIndex blindIndex, String requestId, String code) {
    return blindIndex.of("privacy-code", requestId + ":" + code);
  }

  private PrivacyRequest open(
      String customerId,
      RequestType type,
      RequestChannel channel,
      Instant receivedAt,
      boolean processorsInvolved,
      Instant now) {
    DeadlineRules rules = settings.deadlines();
    PrivacyRequest request =
        new PrivacyRequest(
            customerId,
            type,
            channel,
            receivedAt,
            processorsInvolved,
            rules.acknowledgeBy(receivedAt),
            rules.dueBy(receivedAt, processorsInvolved),
            now);
    em.persist(request);
    notices.enqueue(customerId, request.id(), PrivacyEmailKind.ACKNOWLEDGEMENT);
    request.acknowledged(now);
    return request;
  }

  private void withdraw(PrivacyRequest request, JsonObject body) {
    Set<Purpose> purposes = purposes(request, body);
    for (Purpose purpose : purposes) {
      ConsentInput withdrawal = new ConsentInput();
      withdrawal.granted = false;
      withdrawal.source = CONSENT_SOURCE;
      withdrawal.evidence = request.id();
      consents.change(request.customerId(), purpose, withdrawal);
    }
  }

  private Set<Purpose> purposes(PrivacyRequest request, JsonObject body) {
    JsonValue given = body == null ? null : body.get("purposes");
    if (given == null || given.getValueType() == JsonValue.ValueType.NULL) {
      Set<Purpose> granted = EnumSet.noneOf(Purpose.class);
      consents
          .current(request.customerId())
          .forEach(
              (name, current) -> {
                if (grantedNow(current)) {
                  granted.add(Purpose.valueOf(name));
                }
              });
      if (request.type() == RequestType.OBJECTION) {
        granted.retainAll(DIRECT_MARKETING);
      }
      return granted;
    }
    if (given.getValueType() != JsonValue.ValueType.ARRAY) {
      throw ProblemException.invalid("purposes", "must be a list of purposes");
    }
    Set<Purpose> purposes = EnumSet.noneOf(Purpose.class);
    for (JsonValue value : (JsonArray) given) {
      Optional<Purpose> purpose =
          value instanceof JsonString text ? Purpose.parse(text.getString()) : Optional.empty();
      if (purpose.isEmpty()) {
        throw ProblemException.invalid(
            "purposes", "must name purposes among " + List.of(Purpose.values()));
      }
      purposes.add(purpose.get());
    }
    return purposes;
  }

  private static boolean grantedNow(CurrentConsent current) {
    return current != null && current.granted();
  }

  /** The optional reason a refusal under legal hold gives the person, written by staff. */
  private static String reasonForPerson(JsonObject body) {
    JsonValue given = body == null ? null : body.get(REASON_FOR_PERSON);
    if (given == null || given.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    String reason = given instanceof JsonString text ? text.getString().strip() : "";
    if (reason.isEmpty() || reason.length() > ReasonInput.MAX_LENGTH) {
      throw ProblemException.invalid(
          REASON_FOR_PERSON,
          "must be a text of 1 to "
              + ReasonInput.MAX_LENGTH
              + " characters, written for the person");
    }
    return reason;
  }

  private static JsonObject changes(JsonObject body) {
    JsonValue changes = body == null ? null : body.get("changes");
    if (changes == null
        || changes.getValueType() != JsonValue.ValueType.OBJECT
        || changes.asJsonObject().isEmpty()) {
      throw ProblemException.invalid(
          "changes",
          "must be a JSON merge patch of the customer's fields, such as {\"phone\":...}");
    }
    return changes.asJsonObject();
  }

  private PrivacyRequest load(String id, boolean forUpdate) {
    Optional<String> key = Ids.parse(id);
    PrivacyRequest request =
        key.map(
                k ->
                    forUpdate
                        ? em.find(PrivacyRequest.class, k, LockModeType.PESSIMISTIC_WRITE)
                        : em.find(PrivacyRequest.class, k))
            .orElse(null);
    if (request == null) {
      throw ProblemException.notFound("Privacy request " + id);
    }
    return request;
  }

  private PrivacyRequestView view(PrivacyRequest request) {
    return PrivacyRequestView.of(request, calendar.today());
  }

  private static String detail(PrivacyRequest request) {
    return request.id() + " " + request.type();
  }
}
