package app.custodian.bench;

import java.util.Arrays;
import java.util.List;

/** Every latency of one client, in nanoseconds; merged and sorted once the run is over. */
final class Latencies {

  private long[] nanos = new long[1 << 14];
  private int size;

  void record(long latencyNanos) {
    if (size == nanos.length) {
      nanos = Arrays.copyOf(nanos, size * 2);
    }
    nanos[size++] = latencyNanos;
  }

  static long[] mergeSorted(List<Latencies> all) {
    long[] merged = new long[all.stream().mapToInt(l -> l.size).sum()];
    int at = 0;
    for (Latencies l : all) {
      System.arraycopy(l.nanos, 0, merged, at, l.size);
      at += l.size;
    }
    Arrays.sort(merged);
    return merged;
  }

  /** Nearest-rank percentile of sorted values, in milliseconds. */
  static double percentileMillis(long[] sorted, double percentile) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(percentile / 100 * sorted.length);
    return sorted[Math.max(0, rank - 1)] / 1e6;
  }
}
