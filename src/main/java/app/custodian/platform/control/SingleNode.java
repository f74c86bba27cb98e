package app.custodian.platform.control;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A cluster of this node alone, where no data grid runs (the JBeret SE job tests): every other node
 * id is a node that is gone, and a message reaches this node's subscribers at once.
 */
public class SingleNode implements Cluster {

  private final String nodeId = UUID.randomUUID().toString();
  private final String nodeName = ManagementFactory.getRuntimeMXBean().getName();
  private final Map<String, List<Consumer<String>>> subscribers = new ConcurrentHashMap<>();

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
    return nodeId.equals(id);
  }

  @Override
  public boolean hasSeen(String id) {
    return nodeId.equals(id);
  }

  @Override
  public void onMemberRemoved(Runnable action) {
    // nobody else ever leaves
  }

  @Override
  public void publish(String topic, String message) {
    subscribers.getOrDefault(topic, List.of()).forEach(s -> s.accept(message));
  }

  @Override
  public void subscribe(String topic, Consumer<String> subscriber) {
    subscribers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(subscriber);
  }
}
