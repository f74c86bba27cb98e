package app.custodian.returns.boundary;

import app.custodian.audit.boundary.AuditTrail;
import app.custodian.jobs.boundary.JobRuns;
import app.custodian.platform.boundary.JobDatabase;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs {@code mail-returns} every {@code CUSTODIAN_RETURNS_EVERY} (the first run one period after
 * start), once per cluster, and only when a returns mailbox is set. Every node's timer fires; each
 * decides under a row lock (the {@code installation} row, so nodes decide one after another) and
 * starts a run only when none is running and none started within half a period.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReturnsSchedule {

  static final String ACTOR = "schedule";
  private static final Logger LOG = Logger.getLogger(ReturnsSchedule.class.getName());

  @Resource TimerService timers;
  @Inject ReturnSettings settings;
  @Inject JobDatabase database;
  @Inject JobRuns runs;
  @Inject AuditTrail audit;

  private Duration every;

  @PostConstruct
  void schedule() {
    if (settings.mailbox().isEmpty()) {
      LOG.info("No returns mailbox (CUSTODIAN_RETURNS_MAILBOX): mail-returns is not scheduled");
      return;
    }
    every = settings.every();
    if (every.isNegative() || every.isZero()) {
      throw new IllegalArgumentException("CUSTODIAN_RETURNS_EVERY must be a positive duration");
    }
    timers.createIntervalTimer(
        every.toMillis(), every.toMillis(), new TimerConfig(MailReturnsJob.NAME, false));
    LOG.info(() -> "mail-returns runs every " + every);
  }

  @Timeout
  void run() {
    try (Connection connection = database.connect()) {
      Optional<Long> started = startUnlessRecent(connection);
      started.ifPresent(
          id ->
              audit.recordAs(ACTOR, "JOB_STARTED", null, MailReturnsJob.NAME + " execution " + id));
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "The scheduled mail-returns run could not start", e);
    }
  }

  private Optional<Long> startUnlessRecent(Connection connection) throws SQLException {
    AtomicReference<Long> started = new AtomicReference<>();
    JobDatabase.inTransaction(
        connection,
        () -> {
          lockInstallation(connection);
          if (runs.liveExecution(MailReturnsJob.NAME).isPresent()) {
            return;
          }
          Optional<Instant> last = runs.lastCreated(MailReturnsJob.NAME);
          if (last.isPresent() && last.get().isAfter(Instant.now().minus(every.dividedBy(2)))) {
            return; // another node started this period's run
          }
          started.set(runs.start(MailReturnsJob.NAME, new Properties()));
        });
    return Optional.ofNullable(started.get());
  }

  private static void lockInstallation(Connection connection) throws SQLException {
    try (PreparedStatement lock =
            connection.prepareStatement("select id from installation where id = 1 for update");
        ResultSet row = lock.executeQuery()) {
      row.next();
    }
  }
}
