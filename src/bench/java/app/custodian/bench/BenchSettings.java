package app.custodian.bench;

import java.time.Duration;
import java.util.List;

/** The benchmark's knobs, from system properties; the defaults are the documented target run. */
record BenchSettings(
    int customers,
    int loaders,
    int clients,
    Duration warmup,
    Duration measure,
    Duration recheck,
    Duration loadTimeout,
    String appHeap,
    List<String> appJvmOptions,
    boolean synchronousCommit) {

  static BenchSettings fromSystemProperties() {
    return new BenchSettings(
        Integer.getInteger("bench.customers", 100_000),
        Integer.getInteger("bench.loaders", 16),
        Integer.getInteger("bench.clients", 200),
        // Two cores shared with 200 busy request threads: after loading, the server needed about a
        // minute of load to get near steady state (15 s left the first window at half speed).
        Duration.ofSeconds(Integer.getInteger("bench.warmupSeconds", 60)),
        Duration.ofSeconds(Integer.getInteger("bench.seconds", 30)),
        Duration.ofSeconds(Integer.getInteger("bench.recheckSeconds", 10)),
        Duration.ofMinutes(Integer.getInteger("bench.loadTimeoutMinutes", 30)),
        text("bench.appHeap", "1g"),
        words(System.getProperty("bench.appJvmOptions", "")),
        Boolean.parseBoolean(System.getProperty("bench.synchronousCommit", "true")));
  }

  /**
   * A bench property; blank, or a build property left unresolved, means the default, as for the
   * numbers.
   */
  static String text(String name, String fallback) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() || value.startsWith("${") ? fallback : value.strip();
  }

  static List<String> words(String text) {
    return text.isBlank() ? List.of() : List.of(text.trim().split("\\s+"));
  }

  @Override
  public String toString() {
    return ("customers=%d loaders=%d clients=%d warmup=%ds measure=%ds recheck=%ds"
            + " synchronous_commit=%s app JVM: -Xmx%s %s")
        .formatted(
            customers,
            loaders,
            clients,
            warmup.toSeconds(),
            measure.toSeconds(),
            recheck.toSeconds(),
            synchronousCommit ? "on" : "off",
            appHeap,
            String.join(" ", appJvmOptions))
        .strip();
  }
}
