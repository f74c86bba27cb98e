package app.custodian.policy.boundary;

import app.custodian.audit.boundary.AuditTrail;
import app.custodian.consent.control.PolicyTimeline;
import app.custodian.platform.boundary.LocalCalendar;
import app.custodian.platform.control.Page;
import app.custodian.platform.control.PageRequest;
import app.custodian.platform.control.ProblemException;
import app.custodian.policy.entity.PolicyVersion;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** Versions of the privacy policy; every change is audited. */
@Stateless
public class PolicyService {

  @PersistenceContext EntityManager em;
  @Inject AuditTrail audit;
  @Inject LocalCalendar calendar;

  Clock clock = Clock.systemUTC();

  public PolicyView create(PolicyInput input) {
    LocalDate effectiveOn = date(input.effectiveOn);
    if (em.find(PolicyVersion.class, input.version) != null) {
      throw conflict(input.version);
    }
    PolicyVersion policy =
        new PolicyVersion(
            input.version,
            effectiveOn,
            input.summaryVi.strip(),
            input.summaryEn.strip(),
            Boolean.TRUE.equals(input.adverse),
            audit.actor(),
            clock.instant());
    em.persist(policy);
    try {
      em.flush(); // a version registered meanwhile by another request is a 409 too
    } catch (PersistenceException e) {
      throw conflict(input.version);
    }
    audit.record("POLICY_CREATED", null, "policy " + policy.version());
    return PolicyView.of(policy);
  }

  /** The versions, the latest effective day first. */
  public Page<PolicyView> list(PageRequest page) {
    List<PolicyVersion> policies =
        em.createQuery(
                "select p from PolicyVersion p order by p.effectiveOn desc, p.createdAt desc",
                PolicyVersion.class)
            .setFirstResult(page.offset())
            .setMaxResults(page.size())
            .getResultList();
    long total =
        em.createQuery("select count(p) from PolicyVersion p", Long.class).getSingleResult();
    return Page.of(policies, page, total).map(PolicyView::of);
  }

  public PolicyView read(String version) {
    return PolicyView.of(load(version, LockModeType.NONE));
  }

  /**
   * @throws ProblemException 404 when no such version is registered
   */
  public void require(String version) {
    load(version, LockModeType.NONE);
  }

  /** Notes the run of the policy-notice job that tells customers of the version. */
  public void notifying(String version, long executionId) {
    load(version, LockModeType.PESSIMISTIC_WRITE).notifiedBy(executionId);
    audit.record("POLICY_NOTICE_STARTED", null, "policy " + version + ", execution " + executionId);
  }

  /** The version in force at that moment (its day in CUSTODIAN_ZONE), if any is registered. */
  public Optional<String> versionInForce(Instant at) {
    LocalDate day = LocalDate.ofInstant(at, calendar.zone());
    List<PolicyTimeline.Dated> versions =
        em
            .createQuery(
                "select p.version, p.effectiveOn, p.createdAt from PolicyVersion p"
                    + " where p.effectiveOn <= :day",
                Object[].class)
            .setParameter("day", day)
            .getResultList()
            .stream()
            .map(
                row ->
                    new PolicyTimeline.Dated((String) row[0], (LocalDate) row[1], (Instant) row[2]))
            .toList();
    return PolicyTimeline.inForce(versions, day);
  }

  private PolicyVersion load(String version, LockModeType lock) {
    PolicyVersion policy = version == null ? null : em.find(PolicyVersion.class, version, lock);
    if (policy == null) {
      throw ProblemException.notFound("Policy version " + version);
    }
    return policy;
  }

  private static ProblemException conflict(String version) {
    return ProblemException.conflict("Policy version " + version + " is registered already");
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid("effectiveOn", "must be an ISO-8601 date such as 2026-12-31");
    }
  }
}
