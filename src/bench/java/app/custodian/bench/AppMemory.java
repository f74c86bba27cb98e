package app.custodian.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application JVM's memory: resident set size from /proc, and heap occupancy around each
 * collection from its {@code -Xlog:gc} file (the log {@link GcLog} also reads).
 */
final class AppMemory {

  private static final Pattern HEAP =
      Pattern.compile("^\\[(\\d+)ms\\].* Pause (\\w+).* (\\d+)M->(\\d+)M\\((\\d+)M\\)");

  private final long pid;
  private final Path gcLog;
  private long maxRssKb;

  AppMemory(long pid, Path gcLog) {
    this.pid = pid;
    this.gcLog = gcLog;
  }

  /** Reads the resident set size now and keeps the largest seen; in KiB, 0 when unknown. */
  long sampleRss() {
    long rss = status("VmRSS:");
    maxRssKb = Math.max(maxRssKb, rss);
    return rss;
  }

  long maxSampledRssKb() {
    return maxRssKb;
  }

  /** The process's peak resident set size over its whole life (boot included), in KiB. */
  long peakRssKb() {
    return status("VmHWM:");
  }

  private long status(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      // gone, or not Linux
    }
    return 0;
  }

  /** Heap figures of the collections that ended between the two epoch-millisecond instants. */
  String heapBetween(long fromMillis, long toMillis) {
    List<String> lines;
    try {
      lines = Files.exists(gcLog) ? Files.readAllLines(gcLog) : List.of();
    } catch (IOException e) {
      return "(GC log unreadable: " + e.getMessage() + ")";
    }
    int collections = 0;
    int full = 0;
    long maxBefore = 0;
    long maxAfter = 0;
    long maxCommitted = 0;
    long lastAfter = 0;
    for (String line : lines) {
      Matcher m = HEAP.matcher(line);
      if (m.find()) {
        long at = Long.parseLong(m.group(1));
        if (at >= fromMillis && at <= toMillis) {
          collections++;
          if (m.group(2).equals("Full")) {
            full++;
          }
          maxBefore = Math.max(maxBefore, Long.parseLong(m.group(3)));
          lastAfter = Long.parseLong(m.group(4));
          maxAfter = Math.max(maxAfter, lastAfter);
          maxCommitted = Math.max(maxCommitted, Long.parseLong(m.group(5)));
        }
      }
    }
    return ("%d collections (%d full); heap used at most %d MB before a collection, at most %d MB"
            + " after one (last %d MB); committed at most %d MB")
        .formatted(collections, full, maxBefore, maxAfter, lastAfter, maxCommitted);
  }
}
