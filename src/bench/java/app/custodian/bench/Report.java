package app.custodian.bench;

import java.util.ArrayList;
import java.util.List;

/** The results table and the verdict against the targets. */
final class Report {

  static final double MIN_RATIO = 0.5;
  static final double MAX_P99_MILLIS = 25;
  private static final double STEADY_WITHIN = 0.10;

  private Report() {}

  /**
   * The trivial endpoint may be measured twice (before and after GET by id); the verdict compares
   * against the faster of the two, so a server still warming up cannot flatter the ratio.
   */
  static void print(List<Measurement> trivial, Measurement getById) {
    List<Measurement> rows = new ArrayList<>(trivial);
    rows.add(1, getById);
    System.out.println();
    System.out.printf(
        "%-32s %10s %10s %9s %9s %9s %8s%n",
        "endpoint", "requests", "req/s", "p50 ms", "p99 ms", "max ms", "errors");
    for (Measurement m : rows) {
      System.out.printf(
          "%-32s %10d %10.1f %9.2f %9.2f %9.1f %8d%n",
          m.endpoint(), m.requests(), m.throughput(), m.p50(), m.p99(), m.max(), m.errors());
    }
    for (Measurement m : rows) {
      m.errorKinds()
          .forEach((kind, n) -> System.out.printf("  %s: %d x %s%n", m.endpoint(), n, kind));
    }
    System.out.println();
    double best = 0;
    for (Measurement t : trivial) {
      double ratio = getById.throughput() / t.throughput();
      System.out.printf("GET by id / %s: %.3f%n", t.endpoint(), ratio);
      best = Math.max(best, t.throughput());
    }
    double worst = trivial.stream().mapToDouble(Measurement::throughput).min().orElse(best);
    if (worst < best * (1 - STEADY_WITHIN)) {
      System.out.printf(
          "WARNING: the trivial endpoint's two measurements differ by %.0f%%: the server was not"
              + " in a steady state (try a longer -Dbench.warmupSeconds)%n",
          100 * (best - worst) / best);
    }
    double ratio = getById.throughput() / best;
    boolean ratioMet = ratio >= MIN_RATIO;
    boolean p99Met = getById.p99() < MAX_P99_MILLIS;
    boolean noErrors = rows.stream().allMatch(m -> m.errors() == 0);
    System.out.printf(
        "GET by id / trivial throughput (the faster trivial): %.3f (target >= %.2f): %s%n",
        ratio, MIN_RATIO, ratioMet ? "met" : "NOT MET");
    System.out.printf(
        "GET by id p99: %.2f ms (target < %.0f ms): %s%n",
        getById.p99(), MAX_P99_MILLIS, p99Met ? "met" : "NOT MET");
    System.out.printf("Errors: %s%n", noErrors ? "none" : "SOME (see above)");
    System.out.printf("Targets: %s%n", ratioMet && p99Met && noErrors ? "MET" : "NOT MET");
  }
}
