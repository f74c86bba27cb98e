package app.custodian.platform.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

  static final String DB = "jdbc:postgresql://db/custodian";

  static LaunchOptions launch(Map<String, String> settings, String... userOptions) {
    return LaunchOptions.from(settings::get, List.of(userOptions));
  }

  @Test
  void withoutMembersTheNodeRunsAloneAndSearchesForNoPeer() {
    LaunchOptions launch = launch(Map.of(), "--port", "8081");

    assertEquals(List.of("--nocluster", "--port", "8081"), launch.options());
    assertEquals(Map.of(), launch.systemProperties());
  }

  @Test
  void blankMembersAreUnset() {
    assertEquals(
        List.of("--nocluster"), launch(Map.of("CUSTODIAN_CLUSTER_MEMBERS", "  ")).options());
  }

  @Test
  void membersFormATcpIpGridOnThisNodesPort() {
    LaunchOptions launch =
        launch(
            Map.of(
                "CUSTODIAN_CLUSTER_MEMBERS", "10.0.0.1:6900, 10.0.0.2:6900",
                "CUSTODIAN_CLUSTER_PORT", "6900",
                "CUSTODIAN_DB_URL", DB),
            "--port",
            "8080");

    assertEquals(
        List.of(
            "--clustermode",
            "tcpip:10.0.0.1:6900,10.0.0.2:6900",
            "--startport",
            "6900",
            "--clustername",
            "custodian",
            "--port",
            "8080"),
        launch.options());
    assertEquals(
        Map.of("hazelcast.max.no.heartbeat.seconds", "30"),
        launch.systemProperties(),
        "a silent node counts as gone after CUSTODIAN_NODE_TIMEOUT's default, PT30S");
  }

  @Test
  void theGridPortDefaultsToPayaras() {
    LaunchOptions launch =
        launch(Map.of("CUSTODIAN_CLUSTER_MEMBERS", "a:6900,b:6900", "CUSTODIAN_DB_URL", DB));

    assertEquals("6900", launch.options().get(launch.options().indexOf("--startport") + 1));
  }

  @Test
  void nodeTimeoutIsHazelcastsHeartbeatTimeout() {
    LaunchOptions launch =
        launch(
            Map.of(
                "CUSTODIAN_CLUSTER_MEMBERS", "a:6900,b:6900",
                "CUSTODIAN_DB_URL", DB,
                "CUSTODIAN_NODE_TIMEOUT", "PT1M30S"));

    assertEquals("90", launch.systemProperties().get("hazelcast.max.no.heartbeat.seconds"));
  }

  @Test
  void membersOnLoopbackKeepTheGridOnLoopback() {
    LaunchOptions launch =
        launch(
            Map.of(
                "CUSTODIAN_CLUSTER_MEMBERS", "127.0.0.1:16901,localhost:16902",
                "CUSTODIAN_CLUSTER_PORT", "16902",
                "CUSTODIAN_DB_URL", DB));

    assertTrue(
        String.join(" ", launch.options()).contains("--interfaces 127.0.0.1"), launch.toString());
    assertEquals("false", launch.systemProperties().get("hazelcast.socket.bind.any"));
  }

  @Test
  void aClusterOnTheEmbeddedDatabaseIsRefused() {
    IllegalArgumentException refusal =
        assertThrows(
            IllegalArgumentException.class,
            () -> launch(Map.of("CUSTODIAN_CLUSTER_MEMBERS", "a:6900,b:6900")));

    assertTrue(refusal.getMessage().contains("CUSTODIAN_DB_URL"), refusal.getMessage());
  }

  @Test
  void malformedSettingsAreRefusedByName() {
    Map<String, Map<String, String>> cases =
        Map.of(
            "CUSTODIAN_CLUSTER_MEMBERS",
            Map.of("CUSTODIAN_CLUSTER_MEMBERS", "a:6900,b", "CUSTODIAN_DB_URL", DB),
            "CUSTODIAN_CLUSTER_PORT",
            Map.of(
                "CUSTODIAN_CLUSTER_MEMBERS", "a:6900",
                "CUSTODIAN_CLUSTER_PORT", "70000",
                "CUSTODIAN_DB_URL", DB),
            "CUSTODIAN_NODE_TIMEOUT",
            Map.of(
                "CUSTODIAN_CLUSTER_MEMBERS", "a:6900",
                "CUSTODIAN_NODE_TIMEOUT", "30s",
                "CUSTODIAN_DB_URL", DB));
    cases.forEach(
        (setting, settings) -> {
          IllegalArgumentException refusal =
              assertThrows(IllegalArgumentException.class, () -> launch(settings));
          assertTrue(refusal.getMessage().startsWith(setting), refusal.getMessage());
        });
  }
}
