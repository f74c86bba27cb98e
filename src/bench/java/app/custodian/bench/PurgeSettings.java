package app.custodian.bench;

import java.time.Duration;
import java.util.List;

/**
 * The retention-purge benchmark's knobs, from system properties; a blank value means the default,
 * which is the target run (1,000,000 customers, 100,000 of them due).
 */
record PurgeSettings(
    int customers,
    double dueShare,
    String appHeap,
    List<String> appJvmOptions,
    boolean synchronousCommit,
    boolean withReceipts,
    boolean statements,
    Duration progressEvery,
    Duration purgeTimeout) {

  PurgeSettings {
    if (customers < 1 || dueShare <= 0 || dueShare > 1) {
      throw new IllegalArgumentException("bench.customers >= 1 and 0 < bench.dueShare <= 1");
    }
  }

  static PurgeSettings fromSystemProperties() {
    return new PurgeSettings(
        Integer.parseInt(BenchSettings.text("bench.customers", "1000000")),
        Double.parseDouble(BenchSettings.text("bench.dueShare", "0.1")),
        BenchSettings.text("bench.appHeap", "512m"),
        BenchSettings.words(BenchSettings.text("bench.appJvmOptions", "")),
        Boolean.parseBoolean(BenchSettings.text("bench.synchronousCommit", "true")),
        Boolean.parseBoolean(BenchSettings.text("bench.purgeWithReceipts", "true")),
        Boolean.parseBoolean(BenchSettings.text("bench.purgeStatements", "false")),
        Duration.ofSeconds(Integer.parseInt(BenchSettings.text("bench.progressSeconds", "5"))),
        Duration.ofMinutes(
            Integer.parseInt(BenchSettings.text("bench.purgeTimeoutMinutes", "120"))));
  }

  /** Customer n is due when the share says so, spread evenly (with 0.1, every tenth). */
  boolean due(int n) {
    return Math.floor((n + 1) * dueShare) > Math.floor(n * dueShare);
  }

  int dueCount() {
    return (int) Math.floor(customers * dueShare);
  }

  @Override
  public String toString() {
    return ("customers=%d dueShare=%s (%d due) synchronous_commit=%s withReceipts=%s"
            + " statements=%s app JVM: -Xmx%s %s")
        .formatted(
            customers,
            dueShare,
            dueCount(),
            synchronousCommit ? "on" : "off",
            withReceipts,
            statements,
            appHeap,
            String.join(" ", appJvmOptions))
        .strip();
  }
}
