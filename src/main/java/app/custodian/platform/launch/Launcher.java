package app.custodian.platform.launch;

import java.lang.reflect.InvocationTargetException;
import java.util.List;

/**
 * The uber jar's main class: turns Custodian's settings into Payara Micro's options, then starts
 * Payara Micro. It is added to {@code custodian.jar} beside Payara, not to the application, and
 * calls Payara by reflection so the build needs no Payara API to compile it.
 */
public final class Launcher {

  private Launcher() {}

  public static void main(String[] args) throws Throwable {
    LaunchOptions launch;
    try {
      launch = LaunchOptions.from(Launcher::setting, List.of(args));
    } catch (IllegalArgumentException e) {
      System.err.println("Custodian does not start: " + e.getMessage());
      System.exit(2);
      return;
    }
    launch.systemProperties().forEach(System::setProperty);
    try {
      Class.forName("fish.payara.micro.PayaraMicro")
          .getMethod("main", String[].class)
          .invoke(null, (Object) launch.options().toArray(String[]::new));
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** As the server-level classes read them: a system property, else the environment. */
  private static String setting(String name) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() ? System.getenv(name) : value;
  }
}
