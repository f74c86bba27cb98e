package app.custodian.bench;

import java.time.Duration;
import java.util.List;

/**
 * The campaign-send benchmark's knobs, from system properties; a blank value means the default,
 * which is the target run.
 */
record CampaignSettings(
    int customers,
    double optedInShare,
    int sendThreads,
    String appHeap,
    List<String> appJvmOptions,
    boolean synchronousCommit,
    int baselineWarmup,
    Duration progressEvery,
    Duration sendTimeout) {

  static CampaignSettings fromSystemProperties() {
    return new CampaignSettings(
        Integer.parseInt(BenchSettings.text("bench.customers", "200000")),
        Double.parseDouble(BenchSettings.text("bench.optedInShare", "0.5")),
        Integer.parseInt(BenchSettings.text("bench.sendThreads", "4")),
        BenchSettings.text("bench.appHeap", "512m"),
        BenchSettings.words(BenchSettings.text("bench.appJvmOptions", "")),
        Boolean.parseBoolean(BenchSettings.text("bench.synchronousCommit", "true")),
        Integer.parseInt(BenchSettings.text("bench.baselineWarmup", "2000")),
        Duration.ofSeconds(Integer.parseInt(BenchSettings.text("bench.progressSeconds", "5"))),
        Duration.ofMinutes(
            Integer.parseInt(BenchSettings.text("bench.sendTimeoutMinutes", "180"))));
  }

  Audience audience() {
    return new Audience(customers, optedInShare);
  }

  @Override
  public String toString() {
    return ("customers=%d optedInShare=%s sendThreads=%d baselineWarmup=%d"
            + " synchronous_commit=%s app JVM: -Xmx%s %s")
        .formatted(
            customers,
            optedInShare,
            sendThreads,
            baselineWarmup,
            synchronousCommit ? "on" : "off",
            appHeap,
            String.join(" ", appJvmOptions))
        .strip();
  }
}
