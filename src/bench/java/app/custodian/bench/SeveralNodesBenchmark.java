package app.custodian.bench;

import app.custodian.testing.ClusterStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two nodes of {@code target/custodian.jar} on one embedded PostgreSQL behind the private nginx
 * ({@link ClusterStack}, {@code server-config/nginx.conf} on loopback): {@code GET
 * /api/v1/customers/{id}} and {@code whoami} with one node and with two ({@link NodeScaling}), then
 * a campaign whose node is killed, and one whose node freezes, with {@code CUSTODIAN_NODE_TIMEOUT}
 * at its default and at a short value, each on a cluster of its own ({@link CampaignFailover}).
 *
 * <p>Run with {@code ./mvnw -Pbench -DskipTests package exec:exec@several-nodes}; see {@link
 * NodesSettings} for the {@code bench.*} properties.
 */
public final class SeveralNodesBenchmark {

  private SeveralNodesBenchmark() {}

  public static void main(String[] args) throws Exception {
    NodesSettings settings = NodesSettings.fromSystemProperties();
    System.out.println("Several nodes benchmark: " + settings);
    Path dir = Files.createTempDirectory("custodian-bench-nodes-");
    System.out.println("Node logs under " + dir);
    NodeScaling.Figures scaling;
    List<CampaignFailover.Result> failovers = new ArrayList<>();
    try (ClusterStack stack = start(dir.resolve("default-timeout"), settings, null)) {
      scaling = new NodeScaling(stack, settings).run(dir.resolve("default-timeout"));
      failovers.addAll(failovers(new CampaignFailover(stack, settings, "PT30S (default)")));
    }
    String shortTimeout = settings.shortNodeTimeout().toString();
    try (ClusterStack stack = start(dir.resolve("short-timeout"), settings, shortTimeout)) {
      failovers.addAll(failovers(new CampaignFailover(stack, settings, shortTimeout)));
    }
    NodeScaling.print(scaling);
    CampaignFailover.print(failovers);
    System.out.println(
        "The machine has %d cores: two nodes share them with PostgreSQL, nginx and the clients."
            .formatted(Runtime.getRuntime().availableProcessors()));
  }

  /** A node that dies, then (started again) one that freezes. */
  private static List<CampaignFailover.Result> failovers(CampaignFailover failover)
      throws Exception {
    return List.of(
        failover.run(CampaignFailover.Failure.KILL), failover.run(CampaignFailover.Failure.FREEZE));
  }

  /** Two clustered nodes; {@code nodeTimeout} null leaves CUSTODIAN_NODE_TIMEOUT at its default. */
  private static ClusterStack start(Path dir, NodesSettings settings, String nodeTimeout) {
    Map<String, String> env = new HashMap<>();
    env.put("CUSTODIAN_SEND_RATE", String.valueOf(settings.sendRate()));
    if (nodeTimeout != null) {
      env.put("CUSTODIAN_NODE_TIMEOUT", nodeTimeout);
    }
    System.out.printf(
        "Starting two clustered nodes and nginx (CUSTODIAN_NODE_TIMEOUT=%s)...%n",
        nodeTimeout == null ? "default" : nodeTimeout);
    long started = System.nanoTime();
    ClusterStack stack = ClusterStack.start(dir, 2, env);
    System.out.printf(
        "  started in %.1f s (nodes on ports %d and %d, nginx on %s)%n",
        (System.nanoTime() - started) / 1e9,
        stack.node(0).port(),
        stack.node(1).port(),
        stack.baseUri());
    return stack;
  }
}
