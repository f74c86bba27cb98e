package app.custodian.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU ticks of the application JVM's threads by kind, from /proc/PID/task: whether the two cores go
 * to requests, or to the JIT compiler and the garbage collector.
 */
final class AppThreads {

  private AppThreads() {}

  static Map<String, Long> ticksByKind(long pid) {
    Map<String, Long> ticks = new LinkedHashMap<>();
    for (String kind : new String[] {"request threads", "JIT compiler", "GC", "other"}) {
      ticks.put(kind, 0L);
    }
    try (DirectoryStream<Path> tasks =
        Files.newDirectoryStream(Path.of("/proc", "" + pid, "task"))) {
      for (Path task : tasks) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          ticks.merge(kind(name), Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
        } catch (IOException | RuntimeException e) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException e) {
      return Map.of();
    }
    return ticks;
  }

  // Linux keeps the first 15 characters of a thread's name.
  private static String kind(String name) {
    if (name.startsWith("http-thread-poo")) {
      return "request threads";
    }
    if (name.contains("CompilerThre")) {
      return "JIT compiler";
    }
    if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
      return "GC";
    }
    return "other";
  }
}
