package app.custodian.bench;

import java.time.Duration;
import java.util.List;

/**
 * The mail-returns benchmark's knobs, from system properties; a blank value means the default,
 * which is the target run: 10,000 returns ({@code bench.returns}), one delivered message
 * each to as many customers.
 */
record ReturnsSettings(
    int returns,
    String appHeap,
    List<String> appJvmOptions,
    boolean synchronousCommit,
    Duration progressEvery,
    Duration timeout) {

  static ReturnsSettings fromSystemProperties() {
    return new ReturnsSettings(
        Integer.parseInt(BenchSettings.text("bench.returns", "10000")),
        BenchSettings.text("bench.appHeap", "512m"),
        BenchSettings.words(BenchSettings.text("bench.appJvmOptions", "")),
        Boolean.parseBoolean(BenchSettings.text("bench.synchronousCommit", "true")),
        Duration.ofSeconds(Integer.parseInt(BenchSettings.text("bench.progressSeconds", "5"))),
        Duration.ofMinutes(
            Integer.parseInt(BenchSettings.text("bench.sendTimeoutMinutes", "180"))));
  }

  @Override
  public String toString() {
    return "returns=%d synchronous_commit=%s app JVM: -Xmx%s %s"
        .formatted(
            returns, synchronousCommit ? "on" : "off", appHeap, String.join(" ", appJvmOptions))
        .strip();
  }
}
