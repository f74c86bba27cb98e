package app.custodian.testing;

import com.icegreen.greenmail.util.GreenMail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Several nodes of the packaged application as one cluster: each {@code target/custodian.jar} in a
 * JVM of its own with a data directory of its own, all on one PostgreSQL database, their data grid
 * on loopback ({@code CUSTODIAN_CLUSTER_MEMBERS}), behind a {@link PrivateNginx} that balances
 * round robin. GreenMail receives their mail. Nodes are numbered from 0; a killed node can be
 * started again on its ports.
 */
public final class ClusterStack implements AutoCloseable {

  public final GreenMail smtp;
  public final Postgres postgres;
  public final String databaseUrl;
  public final PrivateNginx nginx;

  /** The bootstrap admin, through nginx. */
  public final Api admin;

  private final List<CustodianProcess> nodes = new ArrayList<>();
  private final List<Path> dataDirs = new ArrayList<>();
  private final Map<String, String> settings;

  private ClusterStack(Path dir, int size, Map<String, String> extraSettings) throws IOException {
    smtp = TestSmtp.start();
    postgres = Postgres.start();
    databaseUrl = postgres.createDatabase();
    List<Integer> gridPorts = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      gridPorts.add(CustodianProcess.freePort());
    }
    // one set of keys and one admin password: the nodes are one application
    settings =
        postgres.custodianSettings(databaseUrl, dir.resolve("node-0"), PortalStack.ADMIN_PASSWORD);
    TestSmtp.sendTo(settings, smtp.getSmtp().getPort());
    settings.put("CUSTODIAN_COMPANY_ADDRESS", "12 Lý Thường Kiệt, Hà Nội");
    settings.put(
        "CUSTODIAN_CLUSTER_MEMBERS",
        String.join(",", gridPorts.stream().map(p -> "127.0.0.1:" + p).toList()));
    settings.putAll(extraSettings);
    for (int i = 0; i < size; i++) {
      Path dataDir = dir.resolve("node-" + i);
      dataDirs.add(dataDir);
      Map<String, String> env = new HashMap<>(settings);
      env.put("CUSTODIAN_DATA_DIR", dataDir.toString());
      env.put("CUSTODIAN_CLUSTER_PORT", String.valueOf(gridPorts.get(i)));
      nodes.add(
          new CustodianProcess(dataDir, env)
              .port(CustodianProcess.freePort())
              .jvmOptions("-Dsun.io.serialization.extendedDebugInfo=true"));
    }
    // one after the other: the first creates the schema and the admin, the next joins its grid
    nodes.forEach(CustodianProcess::start);
    assertOneGrid(nodes.get(size - 1), 0);
    nginx =
        PrivateNginx.start(
            dir.resolve("nginx"), nodes.stream().map(CustodianProcess::port).toList());
    admin = api("admin", PortalStack.ADMIN_PASSWORD);
  }

  /**
   * Starts {@code size} nodes and nginx, or skips the calling test class when this machine has no
   * nginx.
   */
  public static ClusterStack start(Path dir, int size, Map<String, String> settings) {
    PrivateNginx.assumeInstalled();
    try {
      return new ClusterStack(dir, size, settings);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The address every client uses: nginx. */
  public URI baseUri() {
    return nginx.baseUri();
  }

  /** A client of the API through nginx. */
  public Api api(String username, String password) {
    return new Api(baseUri(), username, password);
  }

  /** A browser on the portal through nginx. */
  public Browser browser() {
    return Browser.open(baseUri());
  }

  public int size() {
    return nodes.size();
  }

  public CustodianProcess node(int index) {
    return nodes.get(index);
  }

  /** The node listening on {@code httpPort}, as nginx's access log names it. */
  public int nodeOnPort(int httpPort) {
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i).port() == httpPort) {
        return i;
      }
    }
    throw new IllegalArgumentException("No node on port " + httpPort);
  }

  /** The node that served the last request whose access-log line contains {@code text}. */
  public int nodeThatServed(String text) {
    return nginx
        .lastBackendOf(text)
        .map(this::nodeOnPort)
        .orElseThrow(() -> new IllegalStateException("nginx logged no request with " + text));
  }

  /** Kills the node without warning (SIGKILL), as a machine that dies. */
  public void kill(int index) {
    nodes.get(index).kill();
  }

  /** Starts again, on its ports and data directory, every node that is not running. */
  public void startStoppedNodes() {
    for (CustodianProcess node : nodes) {
      if (!node.isRunning()) {
        int logged = node.log().length();
        node.start();
        assertOneGrid(node, logged);
      }
    }
  }

  /**
   * Payara logs the grid's size at start: a node that started last sees all of them.
   *
   * @param from where the node's log of this start begins
   */
  private void assertOneGrid(CustodianProcess startedLast, int from) {
    String grid = "DG Name: custodian DG Size: " + nodes.size();
    if (!startedLast.log().substring(from).contains(grid)) {
      throw new IllegalStateException(
          "The nodes formed no grid of " + nodes.size() + "; " + logs());
    }
  }

  /** Every node's log, each headed by its number. */
  public String logs() {
    StringBuilder logs = new StringBuilder();
    for (int i = 0; i < nodes.size(); i++) {
      logs.append("=== node ").append(i).append('\n').append(nodes.get(i).log());
    }
    return logs.toString();
  }

  @Override
  public void close() throws Exception {
    List<AutoCloseable> all = new ArrayList<>();
    all.add(nginx);
    all.addAll(nodes);
    all.add(postgres);
    all.add(smtp::stop);
    Resources.closeAll(all.toArray(AutoCloseable[]::new));
  }
}
