package app.custodian.consent.boundary;

import app.custodian.audit.boundary.AuditTrail;
import app.custodian.platform.boundary.SchemaMigration;
import app.custodian.platform.control.DatabaseTime;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Views of the public pages, audited at most once per link and hour: a link scanner or a script
 * that opens a link a thousand times adds one entry, not a thousand.
 */
@Stateless
public class LinkViews {

  @PersistenceContext EntityManager em;
  @Inject AuditTrail audit;
  @Inject SchemaMigration migration;

  Clock clock = Clock.systemUTC();

  /** Audits the view unless this page of this customer's link was audited this hour already. */
  public void recordOncePerHour(String customerId, String action, String detail) {
    String page = detail == null ? action : action + " " + detail;
    int inserted =
        em.createNativeQuery(
                "insert into link_view (customer_id, page, view_hour) values (?, ?, ?)"
                    + " on conflict do nothing")
            .setParameter(1, customerId)
            .setParameter(2, page)
            .setParameter(3, DatabaseTime.column(thisHour()))
            .executeUpdate();
    if (inserted == 1) {
      audit.recordAs(ConsentService.DATA_SUBJECT, action, customerId, detail);
    }
  }

  @Schedule(hour = "*", minute = "7", persistent = false)
  public void forgetPastHours() {
    if (!migration.applied()) {
      return;
    }
    em.createNativeQuery("delete from link_view where view_hour < ?")
        .setParameter(1, DatabaseTime.column(thisHour().minus(Duration.ofHours(1))))
        .executeUpdate();
  }

  private Instant thisHour() {
    return clock.instant().truncatedTo(ChronoUnit.HOURS);
  }
}
