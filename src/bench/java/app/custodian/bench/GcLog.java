package app.custodian.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The application JVM's GC pauses, read from its {@code -Xlog:gc} file with wall-clock stamps. */
final class GcLog {

  private static final Pattern PAUSE = Pattern.compile("^\\[(\\d+)ms\\].* Pause .* ([\\d.]+)ms$");

  private final Path file;

  GcLog(Path file) {
    this.file = file;
  }

  /** The JVM option that writes the log this class reads. */
  String jvmOption() {
    return "-Xlog:gc:file=" + file + ":timemillis";
  }

  /** Pauses that ended between the two epoch-millisecond instants, as one line of text. */
  String pausesBetween(long fromMillis, long toMillis) {
    List<String> lines;
    try {
      lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
    } catch (IOException e) {
      return "    (GC log unreadable: " + e.getMessage() + ")" + System.lineSeparator();
    }
    int count = 0;
    double total = 0;
    double longest = 0;
    for (String line : lines) {
      Matcher m = PAUSE.matcher(line);
      if (m.matches()) {
        long at = Long.parseLong(m.group(1));
        if (at >= fromMillis && at <= toMillis) {
          double millis = Double.parseDouble(m.group(2));
          count++;
          total += millis;
          longest = Math.max(longest, millis);
        }
      }
    }
    return "    app GC: %d pauses, %.2f s paused (%.0f%% of the window), longest %.0f ms%n"
        .formatted(count, total / 1000, total / (toMillis - fromMillis) * 100, longest);
  }
}
