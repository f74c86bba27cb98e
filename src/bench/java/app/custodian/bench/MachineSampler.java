package app.custodian.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the time goes during a measured window: CPU seconds of the load generator (this JVM), of
 * the application JVM (or JVMs, one per node), of PostgreSQL (the postmaster and its backends), of
 * any other process the benchmark started itself (such as nginx) and of the rest of the machine,
 * from /proc; the application's GC pauses; and what the database backends were doing, sampled from
 * pg_stat_activity.
 */
final class MachineSampler implements ClosedLoopLoad.Window {

  private static final Duration SAMPLE_EVERY = Duration.ofMillis(200);
  private static final String AUDIT_CHAIN =
      """
      select pg_relation_size('audit_chain_head') / current_setting('block_size')::int,
             (select n_dead_tup from pg_stat_user_tables where relname = 'audit_chain_head'),
             (select count(*) from audit_entry where seq is null)""";
  private static final String ACTIVITY =
      """
      select count(*) filter (where state = 'active'),
             count(*) filter (where state = 'active' and wait_event_type = 'Lock'),
             count(*) filter (where state = 'idle in transaction')
      from pg_stat_activity
      where datname = current_database() and backend_type = 'client backend'
        and pid <> pg_backend_pid()""";

  private final List<Long> appPids;
  private final Map<String, ProcessHandle> ownProcesses = new LinkedHashMap<>();
  private final Connection database;
  private final ProcessHandle postmaster;
  private final GcLog gcLog;
  private long startNanos;
  private long startMillis;
  private long[] startCpu;
  private long startGenerator;
  private long startApp;
  private long startPostgres;
  private final Map<String, Long> startOwn = new LinkedHashMap<>();
  private Map<String, Long> startAppThreads;
  private Thread sampler;
  private volatile boolean sampling;
  private long samples;
  private long active;
  private long lockWaits;
  private long idleInTransaction;
  private String summary = "";

  MachineSampler(long appPid, GcLog gcLog, Connection database) throws SQLException {
    this(List.of(appPid), gcLog, database);
  }

  /**
   * For several application JVMs, counted as one "app"; {@code gcLog} may be null when they write
   * none.
   */
  MachineSampler(List<Long> appPids, GcLog gcLog, Connection database) throws SQLException {
    this.appPids = List.copyOf(appPids);
    this.gcLog = gcLog;
    this.database = database;
    this.postmaster = postmaster(database);
  }

  /** The parent of this connection's backend, when the server runs on this machine. */
  private static ProcessHandle postmaster(Connection database) throws SQLException {
    try (Statement statement = database.createStatement();
        ResultSet row = statement.executeQuery("select pg_backend_pid()")) {
      row.next();
      return ProcessHandle.of(row.getLong(1))
          .filter(backend -> backend.info().command().orElse("").endsWith("postgres"))
          .flatMap(ProcessHandle::parent)
          .orElse(null);
    }
  }

  /**
   * Counts a process the benchmark started (with its children) under its own name, not as "rest of
   * the machine".
   */
  MachineSampler alsoCounting(String name, long pid) {
    ProcessHandle.of(pid).ifPresent(process -> ownProcesses.put(name, process));
    return this;
  }

  @Override
  public void opened() {
    startNanos = System.nanoTime();
    startMillis = System.currentTimeMillis();
    startCpu = machineCpu();
    startGenerator = cpuNanos(ProcessHandle.current());
    startApp = appCpuNanos();
    startPostgres = treeCpuNanos(postmaster);
    ownProcesses.forEach((name, process) -> startOwn.put(name, treeCpuNanos(process)));
    startAppThreads = appThreadTicks();
    sampling = true;
    sampler = new Thread(this::sampleActivity, "pg-activity");
    sampler.setDaemon(true);
    sampler.start();
  }

  @Override
  public void closed() {
    double wall = (System.nanoTime() - startNanos) / 1e9;
    long[] endCpu = machineCpu();
    double generator = (cpuNanos(ProcessHandle.current()) - startGenerator) / 1e9;
    double app = (appCpuNanos() - startApp) / 1e9;
    double postgres = (treeCpuNanos(postmaster) - startPostgres) / 1e9;
    Map<String, Double> own = new LinkedHashMap<>();
    ownProcesses.forEach(
        (name, process) -> own.put(name, (treeCpuNanos(process) - startOwn.get(name)) / 1e9));
    double ownTotal = own.values().stream().mapToDouble(Double::doubleValue).sum();
    Map<String, Long> endAppThreads = appThreadTicks();
    sampling = false;
    try {
      sampler.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    int cores = Runtime.getRuntime().availableProcessors();
    double capacity = cores * wall;
    StringBuilder text = new StringBuilder();
    if (endCpu != null && startCpu != null) {
      double ticks = endCpu[1] - startCpu[1];
      double busy = (endCpu[0] - startCpu[0]) / ticks * capacity;
      // interrupts are charged to processes
      double rest = busy - generator - app - postgres - ownTotal;
      text.append("    CPU of %d cores over %.0f s: ".formatted(cores, wall))
          .append(share("generator", generator, capacity))
          .append(share(appPids.size() == 1 ? ", app" : ", apps", app, capacity))
          .append(share(", PostgreSQL", postgres, capacity));
      own.forEach((name, seconds) -> text.append(share(", " + name, seconds, capacity)));
      text.append(share(", rest of the machine", rest, capacity))
          .append(share(", idle", capacity - busy, capacity))
          .append(System.lineSeparator());
      if (rest > 0.1 * capacity) {
        text.append(
            "    WARNING: other processes took %.0f%% of the CPU; these figures are disturbed%n"
                .formatted(100 * rest / capacity));
      }
    }
    if (!endAppThreads.isEmpty()) {
      text.append("    app CPU by thread: ");
      String separator = "";
      for (Map.Entry<String, Long> kind : endAppThreads.entrySet()) {
        long ticks = kind.getValue() - startAppThreads.getOrDefault(kind.getKey(), 0L);
        text.append(share(separator + kind.getKey(), ticks / 100.0, capacity));
        separator = ", ";
      }
      text.append(System.lineSeparator());
    }
    if (gcLog != null) {
      text.append(gcLog.pausesBetween(startMillis, System.currentTimeMillis()));
    }
    if (samples > 0) {
      text.append(
          ("    PostgreSQL backends (avg of %d samples): %.1f active, of which %.1f waiting on"
                  + " a lock; %.1f idle in transaction%n")
              .formatted(
                  samples,
                  (double) active / samples,
                  (double) lockWaits / samples,
                  (double) idleInTransaction / samples));
    }
    text.append(auditChain());
    summary = text.toString();
    samples = active = lockWaits = idleInTransaction = 0;
  }

  private static String share(String name, double seconds, double capacity) {
    return "%s %.1f s (%.0f%%)".formatted(name, seconds, 100 * seconds / capacity);
  }

  String summary() {
    return summary;
  }

  /**
   * The one-row chain head, which piles up dead versions when many transactions update it, and the
   * audit entries written but not yet chained by the sealer.
   */
  private String auditChain() {
    try (Statement statement = database.createStatement();
        ResultSet row = statement.executeQuery(AUDIT_CHAIN)) {
      row.next();
      return "    audit: chain head %d pages, %d dead row versions; %,d entries not yet sealed%n"
          .formatted(row.getLong(1), row.getLong(2), row.getLong(3));
    } catch (SQLException e) {
      return "    (audit statistics unavailable: " + e.getMessage() + ")" + System.lineSeparator();
    }
  }

  private void sampleActivity() {
    try (Statement statement = database.createStatement()) {
      while (sampling) {
        try (ResultSet row = statement.executeQuery(ACTIVITY)) {
          row.next();
          active += row.getLong(1);
          lockWaits += row.getLong(2);
          idleInTransaction += row.getLong(3);
          samples++;
        }
        Thread.sleep(SAMPLE_EVERY.toMillis());
      }
    } catch (SQLException e) {
      System.out.println("    (pg_stat_activity sampling failed: " + e.getMessage() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private long appCpuNanos() {
    return appPids.stream().mapToLong(pid -> cpuNanos(ProcessHandle.of(pid).orElse(null))).sum();
  }

  private Map<String, Long> appThreadTicks() {
    Map<String, Long> ticks = new LinkedHashMap<>();
    for (long pid : appPids) {
      AppThreads.ticksByKind(pid).forEach((kind, n) -> ticks.merge(kind, n, Long::sum));
    }
    return ticks;
  }

  /**
   * A process's own time, the time of its children that it has reaped (cutime, cstime) and that of
   * the live ones, so children ending during the window still count: the postmaster and its
   * backends, nginx's master and its worker.
   */
  private static long treeCpuNanos(ProcessHandle root) {
    if (root == null) {
      return 0;
    }
    long ticks = procTicks(root.pid(), true);
    for (ProcessHandle child : root.children().toList()) {
      ticks += procTicks(child.pid(), false);
    }
    return ticks * 10_000_000L; // USER_HZ is 100
  }

  private static long procTicks(long pid, boolean withReapedChildren) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
      return withReapedChildren ? ticks + Long.parseLong(f[13]) + Long.parseLong(f[14]) : ticks;
    } catch (IOException | RuntimeException e) {
      return 0; // gone meanwhile
    }
  }

  private static long cpuNanos(ProcessHandle process) {
    return Optional.ofNullable(process)
        .flatMap(p -> p.info().totalCpuDuration())
        .map(Duration::toNanos)
        .orElse(0L);
  }

  /** Busy and total ticks of all cores since boot, or null off Linux. */
  private static long[] machineCpu() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long user = Long.parseLong(f[1]), nice = Long.parseLong(f[2]), system = Long.parseLong(f[3]);
      long idle = Long.parseLong(f[4]), iowait = Long.parseLong(f[5]);
      long irq = Long.parseLong(f[6]), softirq = Long.parseLong(f[7]), steal = Long.parseLong(f[8]);
      long busy = user + nice + system + irq + softirq + steal;
      return new long[] {busy, busy + idle + iowait};
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
