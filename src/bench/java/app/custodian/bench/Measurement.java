package app.custodian.bench;

import java.util.Map;

/** What one measured window saw: every request that completed inside it. */
record Measurement(
    String endpoint,
    long requests,
    long errors,
    Map<String, Long> errorKinds,
    double seconds,
    long[] sortedNanos) {

  double throughput() {
    return requests / seconds;
  }

  double p50() {
    return Latencies.percentileMillis(sortedNanos, 50);
  }

  double p99() {
    return Latencies.percentileMillis(sortedNanos, 99);
  }

  double max() {
    return sortedNanos.length == 0 ? Double.NaN : sortedNanos[sortedNanos.length - 1] / 1e6;
  }
}
