package app.custodian.testing;

import com.sun.tools.attach.VirtualMachine;
import java.util.Set;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The web sessions a node holds in the data grid, read from Hazelcast's MBeans over JMX (the test
 * attaches to the node's JVM): Payara keeps an application's sessions in an IMap named after its
 * context root, {@code ""} for Custodian.
 */
public final class SessionStore {

  /** Sessions and their bytes that one node owns (backups not counted). */
  public record Owned(long sessions, long bytes) {
    public Owned plus(Owned other) {
      return new Owned(sessions + other.sessions, bytes + other.bytes);
    }
  }

  private SessionStore() {}

  public static Owned ownedBy(long pid) {
    try {
      VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
      try (JMXConnector connector =
          JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()))) {
        MBeanServerConnection server = connector.getMBeanServerConnection();
        Set<ObjectName> maps = server.queryNames(new ObjectName("com.hazelcast:type=IMap,*"), null);
        Owned owned = new Owned(0, 0);
        for (ObjectName map : maps) {
          String name = map.getKeyProperty("name");
          if (name != null && !name.isEmpty() && !"\"\"".equals(name)) {
            continue;
          }
          owned =
              owned.plus(
                  new Owned(
                      ((Number) server.getAttribute(map, "localOwnedEntryCount")).longValue(),
                      ((Number) server.getAttribute(map, "localOwnedEntryMemoryCost"))
                          .longValue()));
        }
        return owned;
      } finally {
        vm.detach();
      }
    } catch (Exception e) {
      throw new IllegalStateException("Could not read the sessions of process " + pid, e);
    }
  }
}
