package app.custodian.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The other processes that took CPU during a measured window (a build or a test run on the same
 * machine disturbs a 2-core benchmark), from /proc: neither this JVM, the application nor the
 * benchmark's PostgreSQL. Only processes still alive at the end of the window are seen.
 */
final class Neighbours {

  private final Set<Long> ours = new HashSet<>();
  private Map<Long, Long> start = Map.of();
  private long startNanos;

  Neighbours(long appPid, Connection database) throws SQLException {
    ours.add(ProcessHandle.current().pid());
    ours.add(appPid);
    try (Statement statement = database.createStatement();
        ResultSet row = statement.executeQuery("select pg_backend_pid()")) {
      row.next();
      ProcessHandle.of(row.getLong(1))
          .flatMap(ProcessHandle::parent)
          .ifPresent(postmaster -> ours.add(postmaster.pid()));
    }
  }

  void opened() {
    startNanos = System.nanoTime();
    start = ticks();
  }

  /** The busiest other processes since {@link #opened()}, as one line, or empty. */
  String closed() {
    double capacity =
        Runtime.getRuntime().availableProcessors() * (System.nanoTime() - startNanos) / 1e9;
    Map<Long, Long> end = ticks();
    Set<Long> excluded = new HashSet<>(ours);
    for (long pid : ours) {
      ProcessHandle.of(pid)
          .ifPresent(p -> p.descendants().forEach(child -> excluded.add(child.pid())));
    }
    String busiest =
        end.entrySet().stream()
            .filter(e -> !excluded.contains(e.getKey()))
            .map(e -> Map.entry(e.getKey(), e.getValue() - start.getOrDefault(e.getKey(), 0L)))
            .filter(e -> e.getValue() / 100.0 >= 0.01 * capacity)
            .sorted(Map.Entry.<Long, Long>comparingByValue().reversed())
            .limit(4)
            .map(
                e ->
                    "%s %.1f s (%.0f%%)"
                        .formatted(
                            command(e.getKey()),
                            e.getValue() / 100.0,
                            100 * e.getValue() / 100.0 / capacity))
            .collect(Collectors.joining(", "));
    return busiest.isEmpty() ? "" : "    busiest other processes: " + busiest + "%n".formatted();
  }

  private static Map<Long, Long> ticks() {
    Map<Long, Long> ticks = new HashMap<>();
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path process : processes) {
        try {
          String stat = Files.readString(process.resolve("stat"));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          ticks.put(
              Long.parseLong(process.getFileName().toString()),
              Long.parseLong(f[11]) + Long.parseLong(f[12]));
        } catch (IOException | RuntimeException e) {
          // ended meanwhile
        }
      }
    } catch (IOException e) {
      return Map.of();
    }
    return ticks;
  }

  private static String command(long pid) {
    try {
      String line =
          new String(
                  Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                  StandardCharsets.UTF_8)
              .replace('\0', ' ')
              .strip();
      if (line.isEmpty()) {
        line = "[" + Files.readString(Path.of("/proc", Long.toString(pid), "comm")).strip() + "]";
      }
      return "pid %d %s".formatted(pid, line.length() > 90 ? line.substring(0, 90) + "..." : line);
    } catch (IOException e) {
      return "pid " + pid;
    }
  }
}
