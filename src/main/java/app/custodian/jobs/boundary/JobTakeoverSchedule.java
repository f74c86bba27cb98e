package app.custodian.jobs.boundary;

import app.custodian.platform.control.Cluster;
import app.custodian.platform.control.Durations;
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
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Looks for the executions of nodes that left the cluster as soon as the data grid reports a node
 * gone, and every sixth of {@code CUSTODIAN_NODE_TIMEOUT} (at least every 10 s) besides, for a
 * report missed or an execution recorded a moment after.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobTakeoverSchedule {

  private static final Logger LOG = Logger.getLogger(JobTakeoverSchedule.class.getName());
  private static final Duration LONGEST_POLL = Duration.ofSeconds(10);
  private static final Duration SHORTEST_POLL = Duration.ofSeconds(1);

  @Resource TimerService timers;
  @Resource ManagedExecutorService executor;
  @Inject JobTakeover takeover;
  @Inject Cluster cluster;

  @Inject
  @ConfigProperty(name = "custodian.node.timeout", defaultValue = "PT30S")
  String timeout;

  @PostConstruct
  void schedule() {
    Duration poll = Durations.positive("CUSTODIAN_NODE_TIMEOUT", timeout).dividedBy(6);
    if (poll.compareTo(LONGEST_POLL) > 0) {
      poll = LONGEST_POLL;
    } else if (poll.compareTo(SHORTEST_POLL) < 0) {
      poll = SHORTEST_POLL;
    }
    timers.createIntervalTimer(
        poll.toMillis(), poll.toMillis(), new TimerConfig("job-takeover", false));
    cluster.onMemberRemoved(() -> executor.execute(this::takeOverOrphans));
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
