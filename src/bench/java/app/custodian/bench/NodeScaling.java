package app.custodian.bench;

import app.custodian.testing.ClusterStack;
import app.custodian.testing.PortalStack;
import app.custodian.testing.PrivateNginx;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;

/**
 * {@code GET /api/v1/customers/{id}} and the trivial {@code GET /api/v1/whoami} through nginx, with
 * one node and then with two clustered nodes on the same PostgreSQL and the same customers, by the
 * same closed-loop clients after the same warm-up. For the one-node figures the second node leaves
 * the cluster in order (SIGTERM) and a second nginx has the first node alone as its upstream; the
 * second node then starts again and the stack's nginx balances over both.
 */
final class NodeScaling {

  private static final String OPERATOR = "bench-operator";
  private static final String WHOAMI = "GET /api/v1/whoami";
  private static final String GET_BY_ID = "GET /api/v1/customers/{id}";

  /** The two endpoints measured with one node and with two. */
  record Figures(List<Measurement> oneNode, List<Measurement> twoNodes) {}

  private final ClusterStack stack;
  private final NodesSettings settings;

  NodeScaling(ClusterStack stack, NodesSettings settings) {
    this.stack = stack;
    this.settings = settings;
  }

  Figures run(Path dir) throws Exception {
    stack.admin.newAccount(OPERATOR, PortalStack.STAFF_PASSWORD, "OPERATOR");
    System.out.printf(
        "Loading %,d customers through nginx with %d threads...%n",
        settings.customers(), settings.loaders());
    String[] ids =
        new CustomerLoader(stack.baseUri(), requests(stack.baseUri()), settings.loaders())
            .load(settings.customers(), Duration.ofMinutes(30));

    System.out.println("One node: node 1 stops (SIGTERM); an nginx in front of node 0 alone");
    stack.node(1).stop();
    List<Measurement> one;
    try (Connection db = stack.postgres.connect(stack.databaseUrl);
        PrivateNginx single =
            PrivateNginx.start(dir.resolve("nginx-one-node"), List.of(stack.node(0).port()))) {
      MachineSampler sampler =
          new MachineSampler(List.of(stack.node(0).pid()), null, db)
              .alsoCounting("nginx", single.pid());
      one = measureBoth(single.baseUri(), ids, sampler);
    }

    long started = System.nanoTime();
    stack.startStoppedNodes();
    System.out.printf(
        "Two nodes: node 1 started again and joined in %.1f s; the stack's nginx over both%n",
        (System.nanoTime() - started) / 1e9);
    List<Measurement> two;
    try (Connection db = stack.postgres.connect(stack.databaseUrl)) {
      MachineSampler sampler =
          new MachineSampler(List.of(stack.node(0).pid(), stack.node(1).pid()), null, db)
              .alsoCounting("nginx", stack.nginx.pid());
      two = measureBoth(stack.baseUri(), ids, sampler);
    }
    return new Figures(one, two);
  }

  private List<Measurement> measureBoth(URI base, String[] ids, MachineSampler sampler)
      throws InterruptedException {
    Requests requests = requests(base);
    byte[] whoami = requests.get("/api/v1/whoami");
    byte[][] reads = new byte[ids.length][];
    for (int i = 0; i < ids.length; i++) {
      reads[i] = requests.get("/api/v1/customers/" + ids[i]);
    }
    ClosedLoopLoad load =
        new ClosedLoopLoad(base, settings.clients(), settings.warmup(), settings.measure());
    return List.of(
        load.measure(WHOAMI, random -> whoami, sampler),
        load.measure(GET_BY_ID, random -> reads[random.nextInt(reads.length)], sampler));
  }

  private static Requests requests(URI base) {
    return new Requests(base, OPERATOR, PortalStack.STAFF_PASSWORD);
  }

  /** One row per endpoint: one node beside two nodes, and the ratio of their throughputs. */
  static void print(Figures figures) {
    System.out.println();
    System.out.printf(
        "%-28s | %-36s | %-36s | %s%n", "through nginx", "one node", "two nodes", "2 / 1");
    System.out.printf(
        "%-28s | %9s %8s %8s %8s | %9s %8s %8s %8s | %s%n",
        "endpoint",
        "req/s",
        "p50 ms",
        "p99 ms",
        "errors",
        "req/s",
        "p50 ms",
        "p99 ms",
        "errors",
        "req/s");
    for (int i = 0; i < figures.oneNode().size(); i++) {
      Measurement one = figures.oneNode().get(i);
      Measurement two = figures.twoNodes().get(i);
      System.out.printf(
          "%-28s | %9.1f %8.2f %8.2f %8d | %9.1f %8.2f %8.2f %8d | %.2f%n",
          one.endpoint(),
          one.throughput(),
          one.p50(),
          one.p99(),
          one.errors(),
          two.throughput(),
          two.p50(),
          two.p99(),
          two.errors(),
          two.throughput() / one.throughput());
    }
    for (List<Measurement> side : List.of(figures.oneNode(), figures.twoNodes())) {
      String nodes = side == figures.oneNode() ? "one node" : "two nodes";
      for (Measurement m : side) {
        m.errorKinds()
            .forEach(
                (kind, n) ->
                    System.out.printf("  %s, %s: %d x %s%n", nodes, m.endpoint(), n, kind));
      }
    }
  }
}
