package app.custodian.platform.launch;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Payara Micro's options from Custodian's settings: alone without {@code CUSTODIAN_CLUSTER_MEMBERS}
 * ({@code --nocluster}, so no multicast search for other servers), else a data grid that finds its
 * members by TCP/IP only.
 *
 * @param options Payara Micro's command line, the user's own options last so they win
 * @param systemProperties Hazelcast properties to set before Payara Micro starts
 */
public record LaunchOptions(List<String> options, Map<String, String> systemProperties) {

  static final String CLUSTER_NAME = "custodian";
  static final String DEFAULT_CLUSTER_PORT = "6900";
  static final Duration DEFAULT_NODE_TIMEOUT = Duration.ofSeconds(30);
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost");

  /**
   * @param setting a setting by name, {@code null} when unset
   * @throws IllegalArgumentException when the settings cannot form a working node, with a message
   *     for the operator
   */
  public static LaunchOptions from(Function<String, String> setting, List<String> userOptions) {
    String members = blankAsNull(setting.apply("CUSTODIAN_CLUSTER_MEMBERS"));
    List<String> options = new ArrayList<>();
    Map<String, String> properties = new LinkedHashMap<>();
    if (members == null) {
      options.add("--nocluster");
    } else {
      if (blankAsNull(setting.apply("CUSTODIAN_DB_URL")) == null) {
        throw new IllegalArgumentException(
            "CUSTODIAN_CLUSTER_MEMBERS needs CUSTODIAN_DB_URL: the nodes of a cluster share one"
                + " PostgreSQL database; the embedded H2 database is one node's own");
      }
      List<String> addresses = addresses(members);
      options.addAll(List.of("--clustermode", "tcpip:" + String.join(",", addresses)));
      options.addAll(List.of("--startport", clusterPort(setting)));
      options.addAll(List.of("--clustername", CLUSTER_NAME));
      if (addresses.stream().allMatch(address -> LOOPBACK.contains(host(address)))) {
        // one machine (tests, trials): the grid binds and answers on loopback only
        options.addAll(List.of("--interfaces", "127.0.0.1"));
        properties.put("hazelcast.socket.bind.any", "false");
      }
      properties.put(
          "hazelcast.max.no.heartbeat.seconds", String.valueOf(nodeTimeout(setting).toSeconds()));
    }
    options.addAll(userOptions);
    return new LaunchOptions(List.copyOf(options), Map.copyOf(properties));
  }

  private static List<String> addresses(String members) {
    List<String> addresses = new ArrayList<>();
    for (String member : members.split(",")) {
      String address = member.strip();
      if (address.isEmpty()) {
        continue;
      }
      int colon = address.lastIndexOf(':');
      if (colon <= 0 || !isPort(address.substring(colon + 1))) {
        throw new IllegalArgumentException(
            "CUSTODIAN_CLUSTER_MEMBERS: \"" + address + "\" is not host:port");
      }
      addresses.add(address);
    }
    if (addresses.isEmpty()) {
      throw new IllegalArgumentException("CUSTODIAN_CLUSTER_MEMBERS names no host:port");
    }
    return addresses;
  }

  private static String clusterPort(Function<String, String> setting) {
    String port = blankAsNull(setting.apply("CUSTODIAN_CLUSTER_PORT"));
    if (port == null) {
      return DEFAULT_CLUSTER_PORT;
    }
    if (!isPort(port)) {
      throw new IllegalArgumentException("CUSTODIAN_CLUSTER_PORT: \"" + port + "\" is no port");
    }
    return port;
  }

  private static Duration nodeTimeout(Function<String, String> setting) {
    String value = blankAsNull(setting.apply("CUSTODIAN_NODE_TIMEOUT"));
    if (value == null) {
      return DEFAULT_NODE_TIMEOUT;
    }
    try {
      Duration timeout = Duration.parse(value);
      if (timeout.toSeconds() < 1) {
        throw new IllegalArgumentException(
            "CUSTODIAN_NODE_TIMEOUT: " + value + " is below one second");
      }
      return timeout;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "CUSTODIAN_NODE_TIMEOUT: \"" + value + "\" is no ISO-8601 duration such as PT30S");
    }
  }

  private static String host(String address) {
    return address.substring(0, address.lastIndexOf(':'));
  }

  private static boolean isPort(String text) {
    if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) {
      return false;
    }
    int port = Integer.parseInt(text);
    return port > 0 && port < 65536;
  }

  private static String blankAsNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
