package app.custodian.bench;

import app.custodian.security.control.KeyMaterial;
import app.custodian.testing.Api;
import app.custodian.testing.CustodianProcess;
import app.custodian.testing.Postgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The setup of the benchmarks that send mail: an {@link SmtpSink} in this JVM, embedded PostgreSQL
 * and {@code target/custodian.jar} sending to the sink with {@code CUSTODIAN_SEND_RATE=0} and an
 * {@code -Xlog:gc} file; {@link #seed} writes the audience straight into the database. {@link #run}
 * starts them, hands them to the benchmark and stops them, keeping the application's log.
 */
final class MailStack {

  static final String ADMIN_PASSWORD = "bench-admin-password";

  /** What runs against the started stack. */
  interface Benchmark {
    void run(MailStack stack) throws Exception;
  }

  private final Path dataDir;
  private final KeyMaterial keys;
  private final SmtpSink sink;
  private final Postgres postgres;
  private final String databaseUrl;
  private final Connection database;
  private final GcLog gcLog;
  private final CustodianProcess custodian;

  private MailStack(
      Path dataDir,
      KeyMaterial keys,
      SmtpSink sink,
      Postgres postgres,
      String databaseUrl,
      Connection database,
      GcLog gcLog,
      CustodianProcess custodian) {
    this.dataDir = dataDir;
    this.keys = keys;
    this.sink = sink;
    this.postgres = postgres;
    this.databaseUrl = databaseUrl;
    this.database = database;
    this.gcLog = gcLog;
    this.custodian = custodian;
  }

  /**
   * Starts the sink, PostgreSQL (with {@code synchronous_commit} as given) and the application with
   * the heap, JVM options and environment entries given, runs the benchmark, then stops them.
   */
  static void run(
      String appHeap,
      List<String> appJvmOptions,
      boolean synchronousCommit,
      Map<String, String> appEnvironment,
      Benchmark benchmark)
      throws Exception {
    Path dataDir = Files.createTempDirectory("custodian-bench-");
    String piiKey = randomKey();
    String tokenKey = randomKey();
    String indexKey = randomKey();
    KeyMaterial keys =
        KeyMaterial.resolve(piiKey, tokenKey, indexKey, dataDir, System.out::println);
    try (SmtpSink sink = SmtpSink.start();
        Postgres postgres = Postgres.start()) {
      System.out.println("SMTP sink listening on 127.0.0.1:" + sink.port());
      String databaseUrl = postgres.createDatabase();
      GcLog gcLog = new GcLog(dataDir.resolve("gc.log"));
      try (Connection database = postgres.connect(databaseUrl)) {
        setSynchronousCommit(database, synchronousCommit);
        Map<String, String> environment = postgres.custodianSettings(databaseUrl);
        environment.put("CUSTODIAN_DATA_DIR", dataDir.toString());
        environment.put("CUSTODIAN_ADMIN_PASSWORD", ADMIN_PASSWORD);
        environment.put("CUSTODIAN_PII_KEY", piiKey);
        environment.put("CUSTODIAN_TOKEN_KEY", tokenKey);
        environment.put("CUSTODIAN_INDEX_KEY", indexKey);
        environment.put("CUSTODIAN_AUDIT_KEY", randomKey());
        environment.put("CUSTODIAN_SMTP_HOST", "127.0.0.1");
        environment.put("CUSTODIAN_SMTP_PORT", Integer.toString(sink.port()));
        environment.put("CUSTODIAN_COMPANY_NAME", Newsletter.COMPANY_NAME);
        environment.put("CUSTODIAN_COMPANY_ADDRESS", Newsletter.COMPANY_ADDRESS);
        environment.putAll(appEnvironment);
        environment.put("CUSTODIAN_SEND_RATE", "0");
        CustodianProcess custodian =
            new CustodianProcess(dataDir, environment)
                .jvmOptions("-Xmx" + appHeap)
                .jvmOptions(gcLog.jvmOption())
                .jvmOptions(appJvmOptions.toArray(String[]::new));
        try {
          long started = System.nanoTime();
          custodian.start();
          System.out.printf(
              "Custodian started in %.1f s (pid %d, -Xmx%s, log %s)%n",
              (System.nanoTime() - started) / 1e9,
              custodian.pid(),
              appHeap,
              dataDir.resolve("custodian.log"));
          benchmark.run(
              new MailStack(
                  dataDir, keys, sink, postgres, databaseUrl, database, gcLog, custodian));
        } finally {
          custodian.stop();
          deleteTree(dataDir.resolve("tmp")); // Payara's runtime, 100 MB a run; the log stays
        }
      }
    }
  }

  /**
   * Writes the audience with {@link AudienceSeeder} over JDBC batches.
   *
   * @return the seconds it took
   */
  double seed(Audience audience) throws SQLException {
    System.out.printf(
        "Seeding %,d customers (%,d opted in to NEWSLETTER) with JDBC...%n",
        audience.customers(), audience.optedInCount());
    long seedStart = System.nanoTime();
    try (Connection seeding = postgres.connect(withBatchedInserts(databaseUrl))) {
      new AudienceSeeder(keys.fieldCipher(), keys.blindIndex()).seed(seeding, audience);
    }
    double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
    System.out.printf(
        "Seeded %,d customers in %.1f s (%.0f customers/s)%n",
        audience.customers(), seedSeconds, audience.customers() / seedSeconds);
    return seedSeconds;
  }

  SmtpSink sink() {
    return sink;
  }

  KeyMaterial keys() {
    return keys;
  }

  CustodianProcess custodian() {
    return custodian;
  }

  /** The API as the administrator the application was started with. */
  Api admin() {
    return custodian.api("admin", ADMIN_PASSWORD);
  }

  /** A connection to the application's database, for the samplers. */
  Connection database() {
    return database;
  }

  GcLog gcLog() {
    return gcLog;
  }

  /** The application's memory, read from /proc and from its GC log. */
  AppMemory appMemory() {
    return new AppMemory(custodian.pid(), dataDir.resolve("gc.log"));
  }

  private static void deleteTree(Path root) {
    if (Files.exists(root)) {
      try (var paths = Files.walk(root)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      } catch (IOException e) {
        System.out.println("(could not delete " + root + ": " + e + ")");
      }
    }
  }

  /** Embedded PostgreSQL starts with synchronous_commit off, which no production server would. */
  private static void setSynchronousCommit(Connection database, boolean on) throws SQLException {
    try (Statement statement = database.createStatement()) {
      String name = database.getCatalog();
      statement.execute(
          "alter database \"%s\" set synchronous_commit = %s".formatted(name, on ? "on" : "off"));
    }
  }

  private static String withBatchedInserts(String url) {
    return url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
