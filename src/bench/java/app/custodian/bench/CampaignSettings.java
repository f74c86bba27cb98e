package app.custodian.bench;

import java.time.Duration;
import java.util.List;

/**
 * The campaign-send benchmark's knobs, from system properties; a blank value means the default,
 * which is the issue's target run.
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
        Integer.parseInt(text("bench.customers", "200000")),
        Double.parseDouble(text("bench.optedInShare", "0.5")),
        Integer.parseInt(text("bench.sendThreads", "4")),
        text("bench.appHeap", "512m"),
        words(text("bench.appJvmOptions", "")),
        Boolean.parseBoolean(text("bench.synchronousCommit", "true")),
        Integer.parseInt(text("bench.baselineWarmup", "2000")),
        Duration.ofSeconds(Integer.parseInt(text("bench.progressSeconds", "5"))),
        Duration.ofMinutes(Integer.parseInt(text("bench.sendTimeoutMinutes", "180"))));
  }

  Audience audience() {
    return new Audience(customers, optedInShare);
  }

  private static String text(String name, String fallback) {
    String value = System.getProperty(name);
    // blank, or a build property left unresolved
    return value == null || value.isBlank() || value.startsWith("${") ? fallback : value.strip();
  }

  private static List<String> words(String text) {
    return text.isBlank() ? List.of() : List.of(text.trim().split("\\s+"));
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
