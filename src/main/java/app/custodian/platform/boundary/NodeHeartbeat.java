package app.custodian.platform.boundary;

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
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Writes this node's heartbeat at start and every {@link Nodes#beatInterval()} after. */
@Singleton
@Startup
@DependsOn("SchemaMigration") // the heartbeat and job tables exist once it ran
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NodeHeartbeat {

  private static final Logger LOG = Logger.getLogger(NodeHeartbeat.class.getName());

  @Resource TimerService timers;
  @Inject Nodes nodes;

  @PostConstruct
  void start() {
    beat();
    long every = nodes.beatInterval().toMillis();
    timers.createIntervalTimer(every, every, new TimerConfig("node-heartbeat", false));
  }

  @Timeout
  void beat() {
    try {
      nodes.beat();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The node's heartbeat was not written", e);
    }
  }
}
