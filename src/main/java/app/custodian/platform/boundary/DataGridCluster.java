package app.custodian.platform.boundary;

import app.custodian.platform.control.Cluster;
import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The cluster as Payara's data grid (Hazelcast) sees it. Hazelcast runs even on a node started
 * alone, as a grid of one member, so this is the cluster of every node in the server.
 */
class DataGridCluster implements Cluster {

  private static final String TOPIC_PREFIX = "custodian.";

  private final HazelcastInstance grid;
  private final String nodeId;
  private final String nodeName;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private final List<Runnable> removalActions = new CopyOnWriteArrayList<>();

  DataGridCluster(HazelcastInstance grid) {
    this.grid = grid;
    grid.getCluster()
        .addMembershipListener(
            new MembershipListener() {
              @Override
              public void memberAdded(MembershipEvent event) {
                seen.add(event.getMember().getUuid().toString());
              }

              @Override
              public void memberRemoved(MembershipEvent event) {
                removalActions.forEach(Runnable::run);
              }
            });
    grid.getCluster().getMembers().forEach(m -> seen.add(m.getUuid().toString()));
    Member self = grid.getCluster().getLocalMember();
    this.nodeId = self.getUuid().toString();
    this.nodeName = self.getAddress().getHost() + ":" + self.getAddress().getPort();
  }

  @Override
  public String nodeId() {
    return nodeId;
  }

  @Override
  public String nodeName() {
    return nodeName;
  }

  @Override
  public boolean isAlive(String id) {
    return grid.getCluster().getMembers().stream().anyMatch(m -> m.getUuid().toString().equals(id));
  }

  @Override
  public boolean hasSeen(String id) {
    grid.getCluster().getMembers().forEach(m -> seen.add(m.getUuid().toString()));
    return seen.contains(id);
  }

  @Override
  public void onMemberRemoved(Runnable action) {
    removalActions.add(action);
  }

  @Override
  public void publish(String topic, String message) {
    grid.<String>getTopic(TOPIC_PREFIX + topic).publish(message);
  }

  @Override
  public void subscribe(String topic, Consumer<String> subscriber) {
    grid.<String>getTopic(TOPIC_PREFIX + topic)
        .addMessageListener(m -> subscriber.accept(m.getMessageObject()));
  }
}
