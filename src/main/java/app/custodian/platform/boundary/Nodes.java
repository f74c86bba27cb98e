package app.custodian.platform.boundary;

import app.custodian.platform.control.Cluster;
import app.custodian.platform.control.SingleNode;
import com.hazelcast.core.HazelcastInstance;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Consumer;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * This node's {@link Cluster}: Payara's data grid, found under JNDI {@code payara/Hazelcast}, or
 * this node alone where there is none (JBeret SE in the job tests).
 */
@ApplicationScoped
public class Nodes implements Cluster {

  static final String GRID_JNDI_NAME = "payara/Hazelcast";
  private static final Logger LOG = Logger.getLogger(Nodes.class.getName());

  private Cluster cluster;

  @PostConstruct
  void join() {
    cluster = dataGrid();
    LOG.info(() -> "This node is " + cluster.nodeName() + " (" + cluster.nodeId() + ")");
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
    return cluster.isAlive(nodeId);
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
