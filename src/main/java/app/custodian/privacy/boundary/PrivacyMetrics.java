package app.custodian.privacy.boundary;

import app.custodian.platform.boundary.LocalCalendar;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Gauges of open and overdue privacy requests ({@code /metrics}: custodian_privacy_requests_open,
 * custodian_privacy_requests_overdue), each read by one short query when the metrics are scraped;
 * nothing where no metrics runtime exists.
 */
@ApplicationScoped
public class PrivacyMetrics {

  private static final Logger LOG = Logger.getLogger(PrivacyMetrics.class.getName());
  static final String OPEN = "custodian.privacy.requests.open";
  static final String OVERDUE = "custodian.privacy.requests.overdue";
  private static final String OPEN_STATUSES = "status in ('PENDING_VERIFICATION', 'VERIFIED')";

  @Inject Instance<MetricRegistry> registry;
  @Inject LocalCalendar calendar;

  @Resource(lookup = "jdbc/custodian")
  DataSource dataSource;

  // Payara's registry can only be looked up on a container thread.
  void atStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    if (registry.isResolvable()) {
      MetricRegistry metrics = registry.get();
      metrics.gauge(OPEN, () -> count(null));
      metrics.gauge(OVERDUE, () -> count(calendar.today()));
    }
  }

  /** Open requests, or those due before {@code today}; -1 when the database cannot say. */
  long count(LocalDate overdueOn) {
    String sql =
        "select count(*) from privacy_request where "
            + OPEN_STATUSES
            + (overdueOn == null ? "" : " and due_by < ?");
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(sql)) {
      if (overdueOn != null) {
        query.setObject(1, overdueOn);
      }
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Cannot count privacy requests: " + e.getSQLState());
      return -1;
    }
  }
}
