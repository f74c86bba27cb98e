package app.custodian.jobs.boundary;

import app.custodian.platform.boundary.Nodes;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Looks for the executions of nodes that are gone as soon as the data grid reports a member lost,
 * and with every heartbeat besides ({@link Nodes#beatInterval()}), for nodes the grid never knew
 * and executions recorded a moment after.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration") // the heartbeat and job tables exist once it ran
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobTakeoverSchedule {

  private static final Logger LOG = Logger.getLogger(JobTakeoverSchedule.class.getName());

  @Resource TimerService timers;
  @Resource ManagedExecutorService executor;
  @Resource ContextService contexts;
  @Inject JobTakeover takeover;
  @Inject Nodes nodes;

  @PostConstruct
  void schedule() {
    long every = nodes.beatInterval().toMillis();
    timers.createIntervalTimer(every, every, new TimerConfig("job-takeover", false));
    // the grid calls back on its own thread, outside the application: the proxy brings the
    // application's context (its class loader finds the job XML) to the executor's thread
    Runnable takeOver = contexts.createContextualProxy(this::takeOverOrphans, Runnable.class);
    nodes.onMemberRemoved(() -> executor.execute(takeOver));
  }

  @Timeout
  void takeOverOrphans() {
    try {
      takeover.takeOverOrphans();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Taking over the jobs of lost nodes failed; next try soon", e);
    }
  }
}
