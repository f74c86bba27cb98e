package app.custodian.platform.boundary;

import app.custodian.platform.control.Cluster;
import app.custodian.platform.control.Durations;
import app.custodian.platform.control.NodeHeartbeats;
import app.custodian.platform.control.SingleNode;
import com.hazelcast.core.HazelcastInstance;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This node's {@link Cluster}: Payara's data grid, found under JNDI {@code payara/Hazelcast}, or
 * this node alone where there is none (JBeret SE in the job tests). A node the grid has seen is
 * alive while it is a member; any other node (one that runs alone on the same database, or one that
 * died before this node started) while its heartbeat in the database is younger than two thirds of
 * {@code CUSTODIAN_NODE_TIMEOUT} (default {@code PT30S}).
 */
@ApplicationScoped
public class Nodes implements Cluster {

  static final String GRID_JNDI_NAME = "payara/Hazelcast";
  private static final Logger LOG = Logger.getLogger(Nodes.class.getName());

  @Inject JobDatabase database;

  @Inject
  @ConfigProperty(name = "custodian.node.timeout", defaultValue = "PT30S")
  String timeoutSetting;

  private Cluster cluster;
  private Duration timeout;

  @PostConstruct
  void join() {
    timeout = Durations.positive("CUSTODIAN_NODE_TIMEOUT", timeoutSetting);
    cluster = dataGrid();
    LOG.info(() -> "This node is " + cluster.nodeName() + " (" + cluster.nodeId() + ")");
  }

  /** How often the heartbeat is written (and lost nodes looked for): a sixth of the timeout. */
  public Duration beatInterval() {
    Duration sixth = timeout.dividedBy(6);
    return sixth.compareTo(Duration.ofSeconds(1)) < 0
        ? Duration.ofSeconds(1)
        : sixth.compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : sixth;
  }

  /** Writes this node's heartbeat. */
  public void beat() {
    try (Connection connection = database.connect()) {
      NodeHeartbeats.beat(connection, nodeId(), nodeName());
    } catch (SQLException e) {
      throw new IllegalStateException("Could not write the heartbeat", e);
    }
  }

  private static Cluster dataGrid() {
    try {
      Object grid = new InitialContext().lookup(GRID_JNDI_NAME);
      if (grid instanceof HazelcastInstance hazelcast) {
        return new DataGridCluster(hazelcast);
      }
    } catch (NamingException | NoClassDefFoundError e) {
      LOG.info(() -> "No data grid at " + GRID_JNDI_NAME + ": running as a single node");
    }
    return new SingleNode();
  }

  @Override
  public String nodeId() {
    return cluster.nodeId();
  }

  @Override
  public String nodeName() {
    return cluster.nodeName();
  }

  @Override
  public boolean isAlive(String nodeId) {
    if (cluster.hasSeen(nodeId)) {
      return cluster.isAlive(nodeId);
    }
    try (Connection connection = database.connect()) {
      return NodeHeartbeats.isFresh(connection, nodeId, timeout.multipliedBy(2).dividedBy(3));
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the heartbeat of node " + nodeId, e);
    }
  }

  @Override
  public boolean hasSeen(String nodeId) {
    return cluster.hasSeen(nodeId);
  }

  @Override
  public void onMemberRemoved(Runnable action) {
    cluster.onMemberRemoved(action);
  }

  @Override
  public void publish(String topic, String message) {
    cluster.publish(topic, message);
  }

  @Override
  public void subscribe(String topic, Consumer<String> subscriber) {
    cluster.subscribe(topic, subscriber);
  }
}
