package app.custodian.bench;

import app.custodian.testing.CustodianProcess;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The application's log during a measured window: its SEVERE and WARNING lines and exceptions. */
final class AppLog {

  /** SEVERE lines, exceptions and their first stack frames (at most 40 lines), and the counts. */
  record Scan(List<String> problems, long warnings, long severe) {}

  private AppLog() {}

  /** The log's length in bytes now: where {@link #scan} starts. */
  static long size(CustodianProcess custodian) {
    return custodian.log().getBytes(StandardCharsets.UTF_8).length;
  }

  /** SEVERE lines, exceptions and their first stack frames written since the given offset. */
  static Scan scan(CustodianProcess custodian, long from) {
    String text = custodian.log();
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    String since =
        from >= bytes.length
            ? ""
            : new String(bytes, (int) from, bytes.length - (int) from, StandardCharsets.UTF_8);
    List<String> problems = new ArrayList<>();
    long warnings = 0;
    long severe = 0;
    int frames = 0;
    for (String line : since.replaceAll("\u001B\\[[0-9;]*m", "").split("\n")) {
      if (line.contains("[WARNING]")) {
        warnings++;
      }
      boolean bad =
          line.contains("[SEVERE]")
              || line.contains("Exception")
              || line.contains("Error:")
              || line.contains("OutOfMemoryError");
      if (line.contains("[SEVERE]")) {
        severe++;
      }
      if (bad) {
        frames = 0;
        if (problems.size() < 40) {
          problems.add(line.strip());
        }
      } else if (line.strip().startsWith("at ") && frames < 5 && problems.size() < 40) {
        frames++;
        if (!problems.isEmpty()) {
          problems.add(line.strip());
        }
      }
    }
    return new Scan(problems, warnings, severe);
  }
}
