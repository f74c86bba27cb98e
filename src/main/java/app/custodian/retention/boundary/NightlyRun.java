package app.custodian.retention.boundary;

import app.custodian.audit.boundary.AuditTrail;
import app.custodian.jobs.boundary.JobRuns;
import app.custodian.platform.boundary.JobDatabase;
import app.custodian.platform.boundary.LocalCalendar;
import app.custodian.platform.control.Cluster;
import app.custodian.renewal.boundary.RenewalRemindersJob;
import app.custodian.retention.control.NightlyLeases;
import app.custodian.retention.control.NightlyLeases.Lease;
import app.custodian.retention.control.NightlySchedule;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every night at {@code CUSTODIAN_NIGHTLY_AT} (in {@code CUSTODIAN_ZONE}): renewal reminders, then
 * the retention purge, once per cluster. Before each job the node takes that job's lease for the
 * night; a node that finds a lease taken leaves the night to its holder while the holder is in the
 * cluster, and takes the lease over (one node wins) when it is gone, following the job the holder
 * had started as another node continues it, and going on with the rest of the night. Nodes that
 * left the night to a holder look again when the data grid loses a member. Shortly after start, a
 * night missed while no node ran (since the database was set up) is run at once.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NightlyRun {

  static final String ACTOR = "nightly";
  private static final Logger LOG = Logger.getLogger(NightlyRun.class.getName());
  private static final Duration CATCH_UP_DELAY = Duration.ofSeconds(5);
  private static final Duration POLL = Duration.ofSeconds(2);
  private static final List<String> JOBS =
      List.of(RenewalRemindersJob.NAME, RetentionPurgeJob.NAME);

  @Resource TimerService timers;
  @Resource ManagedExecutorService executor;
  @Resource ContextService contexts;
  @Inject JobDatabase database;
  @Inject JobRuns runs;
  @Inject AuditTrail audit;

  @Inject
  @ConfigProperty(name = "custodian.nightly.at", defaultValue = "02:00")
  String at;

  @Inject LocalCalendar calendar;
  @Inject Cluster cluster;

  private NightlySchedule schedule;

  @PostConstruct
  void schedule() {
    schedule = NightlySchedule.of(at, calendar.zone().getId());
    ScheduleExpression daily =
        new ScheduleExpression()
            .hour(schedule.at().getHour())
            .minute(schedule.at().getMinute())
            .second(schedule.at().getSecond())
            .timezone(schedule.zone().getId());
    timers.createCalendarTimer(daily, new TimerConfig("nightly", false));
    timers.createSingleActionTimer(CATCH_UP_DELAY.toMillis(), new TimerConfig("catch-up", false));
    // a node that found the night taken returned; if its holder is lost, nobody else would resume
    // the night before the next one (the grid calls back on its own thread: see
    // JobTakeoverSchedule for the contextual proxy)
    Runnable lookAgain = contexts.createContextualProxy(this::run, Runnable.class);
    cluster.onMemberRemoved(() -> executor.execute(lookAgain));
    LOG.info(() -> "Nightly run at " + schedule.at() + " " + schedule.zone());
  }

  @Timeout
  void run() {
    LocalDate night = schedule.lastNight(Instant.now());
    try {
      runNight(night);
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "The nightly run of " + night + " stopped", e);
    }
  }

  /** Runs the night's jobs in order, each only on the node that takes its lease. */
  void runNight(LocalDate night) throws SQLException {
    try (Connection connection = database.connect()) {
      if (schedule.runTime(night).isBefore(NightlyLeases.installedAt(connection))) {
        return; // the database did not exist that night: nothing was missed
      }
      for (String job : JOBS) {
        if (NightlyLeases.take(connection, job, night, cluster.nodeId())) {
          runToEnd(connection, job, night);
          continue;
        }
        Optional<Lease> lease = NightlyLeases.find(connection, job, night);
        if (lease.isEmpty() || lease.get().finished()) {
          continue;
        }
        if (cluster.isAlive(lease.get().node())
            || !NightlyLeases.takeOver(
                connection, job, night, lease.get().node(), cluster.nodeId())) {
          return; // another node runs this night
        }
        LOG.info(() -> "Nightly " + job + " for " + night + ": lease taken over from a lost node");
        if (lease.get().executionId() == null) {
          runToEnd(connection, job, night);
        } else {
          awaitEnd(connection, job, night, lease.get().executionId());
        }
      }
    }
  }

  private void runToEnd(Connection connection, String job, LocalDate night) throws SQLException {
    Properties parameters = new Properties();
    if (job.equals(RetentionPurgeJob.NAME)) {
      parameters.setProperty(RetentionPurgeJob.DRY_RUN, "false");
    }
    long executionId = runs.start(job, parameters);
    NightlyLeases.started(connection, job, night, executionId);
    audit.recordAs(
        ACTOR, "JOB_STARTED", null, job + " execution " + executionId + ", night " + night);
    LOG.info(() -> "Nightly " + job + " for " + night + ": execution " + executionId);
    awaitEnd(connection, job, night, executionId);
  }

  /** Waits for the execution, or the one that continues it after a node's loss, to end. */
  private void awaitEnd(Connection connection, String job, LocalDate night, long executionId)
      throws SQLException {
    long current = runs.current(executionId);
    while (runs.isLiveOrBeingContinued(current)) {
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      current = runs.current(current);
    }
    NightlyLeases.finished(connection, job, night);
  }
}
