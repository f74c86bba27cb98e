package app.custodian.incident.boundary;

import app.custodian.audit.boundary.AuditTrail;
import app.custodian.customer.entity.DataCategory;
import app.custodian.incident.control.AuthorityReport;
import app.custodian.incident.control.IncidentPatch;
import app.custodian.incident.control.Moments;
import app.custodian.incident.entity.Incident;
import app.custodian.platform.boundary.Controller;
import app.custodian.platform.control.FieldError;
import app.custodian.platform.control.Ids;
import app.custodian.platform.control.Page;
import app.custodian.platform.control.PageRequest;
import app.custodian.platform.control.ProblemException;
import app.custodian.platform.control.SqlLists;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The breach register. Recording an incident is audited once, with the number of people affected
 * (their ids are in {@code incident_customer}, and each notice sent to one of them is audited with
 * their id); every change is audited.
 */
@Stateless
public class IncidentService {

  /** Field errors listed at most for one request; the rest are summed up. */
  static final int MAX_ERRORS = 20;

  private static final int ID_BATCH = 1000;

  @PersistenceContext EntityManager em;
  @Inject AuditTrail audit;
  @Inject Controller controller;

  @Resource(lookup = "jdbc/custodian")
  DataSource dataSource;

  Clock clock = Clock.systemUTC();

  public IncidentView record(IncidentInput input) {
    Instant now = clock.instant();
    List<FieldError> errors = new ArrayList<>();
    Instant detectedAt = Moments.parse(input.detectedAt).orElse(null);
    if (detectedAt == null) {
      errors.add(
          new FieldError("detectedAt", "must be an ISO-8601 moment such as 2026-11-20T08:00:00Z"));
    } else if (Moments.inTheFuture(detectedAt, now)) {
      errors.add(new FieldError("detectedAt", "must not be in the future"));
    }
    Set<DataCategory> categories = categories(input.dataCategories, errors);
    try (Connection connection = dataSource.getConnection()) {
      List<String> customers = liveCustomers(connection, input.customerIds, errors);
      if (!errors.isEmpty()) {
        throw ProblemException.invalid(errors);
      }
      Incident incident =
          new Incident(
              detectedAt,
              input.description.strip(),
              categories,
              customers.size(),
              audit.actor(),
              now);
      incident.describe(
          text(input.nature), text(input.likelyConsequences), text(input.measuresTaken));
      em.persist(incident);
      em.flush(); // the rows below refer to it, on the connection this transaction shares
      linkCustomers(connection, incident.id(), customers);
      audit.record(
          "INCIDENT_RECORDED",
          null,
          "incident " + incident.id() + ", " + customers.size() + " customers affected");
      return IncidentView.of(incident);
    } catch (SQLException e) {
      if ("23503".equals(e.getSQLState())) { // a customer erased while this request ran
        throw ProblemException.conflict("A customer affected was erased meanwhile; try again");
      }
      throw new PersistenceException("Could not record the incident", e);
    }
  }

  /** The incidents, the latest detected first. */
  public Page<IncidentView> list(PageRequest page) {
    List<Incident> incidents =
        em.createQuery(
                "select i from Incident i order by i.detectedAt desc, i.createdAt desc, i.id",
                Incident.class)
            .setFirstResult(page.offset())
            .setMaxResults(page.size())
            .getResultList();
    long total = em.createQuery("select count(i) from Incident i", Long.class).getSingleResult();
    return Page.of(incidents, page, total).map(IncidentView::of);
  }

  public IncidentView read(String id) {
    return IncidentView.of(load(id, LockModeType.NONE));
  }

  /** Applies a merge patch of the answers and the moment the authority was told; all or nothing. */
  public IncidentView amend(String id, JsonObject patch) {
    Incident incident = load(id, LockModeType.PESSIMISTIC_WRITE);
    IncidentPatch changes = IncidentPatch.parse(patch, clock.instant());
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("nature", incident.nature());
    texts.put("likelyConsequences", incident.likelyConsequences());
    texts.put("measuresTaken", incident.measuresTaken());
    texts.putAll(changes.texts());
    if (changes.reportedAtGiven()) {
      try {
        incident.reportedToAuthority(changes.reportedAt());
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalid(IncidentPatch.REPORTED_AT, e.getMessage());
      }
    }
    if (changes.texts().containsKey(IncidentPatch.DESCRIPTION)) {
      incident.redescribe(changes.texts().get(IncidentPatch.DESCRIPTION));
    }
    if (changes.texts().containsKey("delayReason")) {
      incident.explainDelay(changes.texts().get("delayReason"));
    }
    incident.describe(
        texts.get("nature"), texts.get("likelyConsequences"), texts.get("measuresTaken"));
    Set<String> fields = new TreeSet<>(changes.texts().keySet());
    if (changes.reportedAtGiven()) {
      fields.add(IncidentPatch.REPORTED_AT);
    }
    audit.record("INCIDENT_UPDATED", null, "incident " + incident.id() + ": " + fields);
    return IncidentView.of(incident);
  }

  public AuthorityReport authorityReport(String id) {
    Incident incident = load(id, LockModeType.NONE);
    audit.record("INCIDENT_REPORT_GENERATED", null, "incident " + incident.id());
    return AuthorityReport.of(
        incident,
        new AuthorityReport.ControllerPart(
            controller.name(), controller.address(), controller.privacyContact()),
        clock.instant());
  }

  /**
   * @return the incident's id as stored
   * @throws ProblemException 404 when there is no such incident
   */
  public String require(String id) {
    return load(id, LockModeType.NONE).id();
  }

  /** Notes the run of the breach-notice job that tells the people affected. */
  public void notifying(String id, long executionId) {
    load(id, LockModeType.PESSIMISTIC_WRITE).notifiedBy(executionId);
    audit.record("INCIDENT_NOTICE_STARTED", null, "incident " + id + ", execution " + executionId);
  }

  private Incident load(String id, LockModeType lock) {
    return Ids.parse(id)
        .map(key -> em.find(Incident.class, key, lock))
        .orElseThrow(() -> ProblemException.notFound("Incident " + id));
  }

  private static Set<DataCategory> categories(List<String> names, List<FieldError> errors) {
    Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
    if (names == null) {
      return categories;
    }
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      DataCategory category = DataCategory.parse(name).orElse(null);
      if (category == null) {
        errors.add(
            new FieldError(
                "dataCategories[" + i + "]",
                "is not a kind of personal data; one of " + DataCategory.names()));
      } else {
        categories.add(category);
      }
    }
    return categories;
  }

  /** The distinct ids, in the order given, each naming a live customer; errors name the index. */
  private static List<String> liveCustomers(
      Connection connection, List<String> given, List<FieldError> errors) throws SQLException {
    if (given == null) {
      return List.of();
    }
    Map<String, Integer> firstIndex = new LinkedHashMap<>();
    List<FieldError> idErrors = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      String id = Ids.parse(given.get(i)).orElse(null);
      if (id == null) {
        idErrors.add(new FieldError("customerIds[" + i + "]", "is not a customer id"));
      } else {
        firstIndex.putIfAbsent(id, i);
      }
    }
    List<String> ids = new ArrayList<>(firstIndex.keySet());
    Set<String> live = existing(connection, ids);
    for (String id : ids) {
      if (!live.contains(id)) {
        idErrors.add(
            new FieldError("customerIds[" + firstIndex.get(id) + "]", "no such customer: " + id));
      }
    }
    idErrors.sort(Comparator.comparingInt(IncidentService::index));
    if (idErrors.size() > MAX_ERRORS) {
      int more = idErrors.size() - MAX_ERRORS;
      idErrors = new ArrayList<>(idErrors.subList(0, MAX_ERRORS));
      idErrors.add(new FieldError("customerIds", more + " more ids are not live customers"));
    }
    errors.addAll(idErrors);
    return ids;
  }

  private static int index(FieldError error) {
    String field = error.field();
    int open = field.indexOf('[');
    return open < 0
        ? Integer.MAX_VALUE
        : Integer.parseInt(field.substring(open + 1, field.length() - 1));
  }

  private static Set<String> existing(Connection connection, List<String> ids) throws SQLException {
    Set<String> found = new HashSet<>();
    for (int from = 0; from < ids.size(); from += ID_BATCH) {
      List<String> batch = ids.subList(from, Math.min(ids.size(), from + ID_BATCH));
      found.addAll(
          SqlLists.strings(
              connection,
              "select id from customer where id in (" + SqlLists.placeholders(batch.size()) + ")",
              batch));
    }
    return found;
  }

  private static void linkCustomers(Connection connection, String incidentId, List<String> ids)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into incident_customer (incident_id, customer_id) values (?, ?)")) {
      int pending = 0;
      for (String id : ids) {
        insert.setString(1, incidentId);
        insert.setString(2, id);
        insert.addBatch();
        if (++pending == ID_BATCH) {
          insert.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        insert.executeBatch();
      }
    }
  }

  private static String text(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
