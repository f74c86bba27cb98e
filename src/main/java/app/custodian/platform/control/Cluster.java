package app.custodian.platform.control;

import java.util.function.Consumer;

/**
 * The nodes that run the application on one database: who this node is, whether another one is
 * still there, and messages that reach every node, this one included.
 */
public interface Cluster {

  /** This node's id, new with each start of the process: a restarted node is a new node. */
  String nodeId();

  /** A name a person recognises the node by, e.g. its data-grid address. */
  String nodeName();

  /** Whether the node with that id is a member now; an unknown id is a node that is gone. */
  boolean isAlive(String nodeId);

  /**
   * Whether the node was ever seen as a member: only then does its absence prove it gone, for a
   * node may also run alone on the same database.
   */
  boolean hasSeen(String nodeId);

  /** Runs the action, on some thread of the cluster's, each time a node leaves. */
  void onMemberRemoved(Runnable action);

  /** Hands the message to every subscriber of the topic on every node, this one included. */
  void publish(String topic, String message);

  void subscribe(String topic, Consumer<String> subscriber);
}
