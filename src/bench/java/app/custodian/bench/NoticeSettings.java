package app.custodian.bench;

import java.time.Duration;
import java.util.List;

/**
 * The policy-notice benchmark's knobs, from system properties; a blank value means the default. The
 * opted-in share only shapes the seeded data: a policy notice goes to every customer.
 */
record NoticeSettings(
    int customers,
    double optedInShare,
    String appHeap,
    List<String> appJvmOptions,
    boolean synchronousCommit,
    Duration progressEvery,
    Duration sendTimeout) {

  static NoticeSettings fromSystemProperties() {
    return new NoticeSettings(
        Integer.parseInt(BenchSettings.text("bench.customers", "100000")),
        Double.parseDouble(BenchSettings.text("bench.optedInShare", "0.5")),
        BenchSettings.text("bench.appHeap", "512m"),
        BenchSettings.words(BenchSettings.text("bench.appJvmOptions", "")),
        Boolean.parseBoolean(BenchSettings.text("bench.synchronousCommit", "true")),
        Duration.ofSeconds(Integer.parseInt(BenchSettings.text("bench.progressSeconds", "5"))),
        Duration.ofMinutes(
            Integer.parseInt(BenchSettings.text("bench.sendTimeoutMinutes", "180"))));
  }

  Audience audience() {
    return new Audience(customers, optedInShare);
  }

  @Override
  public String toString() {
    return "customers=%d optedInShare=%s synchronous_commit=%s app JVM: -Xmx%s %s"
        .formatted(
            customers,
            optedInShare,
            synchronousCommit ? "on" : "off",
            appHeap,
            String.join(" ", appJvmOptions))
        .strip();
  }
}
