package app.custodian.bench;

import app.custodian.testing.Api;
import app.custodian.testing.CustodianProcess;
import app.custodian.testing.Postgres;
import app.custodian.testing.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The benchmark: load customers through the REST API into PostgreSQL, then measure {@code
 * GET /api/v1/customers/{id}} against the trivial {@code GET /api/v1/whoami} of the same
 * deployment, in the same run, with closed-loop concurrent clients on localhost.
 *
 * <p>Run with {@code ./mvnw -Pbench -DskipTests package exec:exec@get-by-id}; see {@link
 * BenchSettings} for the {@code bench.*} properties.
 */
public final class GetByIdBenchmark {

  private static final String ADMIN_PASSWORD = "bench-admin-password";
  private static final String OPERATOR = "bench-operator";
  private static final String OPERATOR_PASSWORD = "bench-operator-password";

  private GetByIdBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchSettings settings = BenchSettings.fromSystemProperties();
    System.out.println("GET by id benchmark: " + settings);
    Path dataDir = Files.createTempDirectory("custodian-bench-");
    try (Postgres postgres = Postgres.start()) {
      String databaseUrl = postgres.createDatabase();
      GcLog gcLog = new GcLog(dataDir.resolve("gc.log"));
      try (Connection database = postgres.connect(databaseUrl)) {
        setSynchronousCommit(database, settings.synchronousCommit());
        CustodianProcess custodian =
            new CustodianProcess(dataDir, environment(postgres, databaseUrl, dataDir))
                .jvmOptions("-Xmx" + settings.appHeap(), "-Xms" + settings.appHeap())
                .jvmOptions(gcLog.jvmOption())
                .jvmOptions(settings.appJvmOptions().toArray(String[]::new));
        try {
          long started = System.nanoTime();
          custodian.start();
          System.out.printf(
              "Custodian started in %.1f s (pid %d, log %s)%n",
              (System.nanoTime() - started) / 1e9,
              custodian.pid(),
              dataDir.resolve("custodian.log"));
          run(settings, custodian, new MachineSampler(custodian.pid(), gcLog, database));
        } finally {
          custodian.stop();
        }
      }
    }
  }

  private static void run(
      BenchSettings settings, CustodianProcess custodian, MachineSampler sampler)
      throws InterruptedException {
    createOperator(custodian.api("admin", ADMIN_PASSWORD));
    Requests requests = new Requests(custodian.baseUri(), OPERATOR, OPERATOR_PASSWORD);
    System.out.printf(
        "Loading %,d customers with %d threads...%n", settings.customers(), settings.loaders());
    String[] ids =
        new CustomerLoader(custodian.baseUri(), requests, settings.loaders())
            .load(settings.customers(), settings.loadTimeout());
    byte[][] reads = new byte[ids.length][];
    for (int i = 0; i < ids.length; i++) {
      reads[i] = requests.get("/api/v1/customers/" + ids[i]);
    }
    byte[] whoami = requests.get("/api/v1/whoami");

    ClosedLoopLoad load =
        new ClosedLoopLoad(
            custodian.baseUri(), settings.clients(), settings.warmup(), settings.measure());
    List<Measurement> trivial = new ArrayList<>();
    trivial.add(load.measure("GET /api/v1/whoami", random -> whoami, sampler));
    Measurement getById =
        load.measure(
            "GET /api/v1/customers/{id}", random -> reads[random.nextInt(reads.length)], sampler);
    if (!settings.recheck().isZero()) {
      ClosedLoopLoad recheck =
          new ClosedLoopLoad(
              custodian.baseUri(), settings.clients(), settings.warmup(), settings.recheck());
      trivial.add(recheck.measure("GET /api/v1/whoami (again)", random -> whoami, sampler));
    }
    Report.print(trivial, getById);
  }

  private static void createOperator(Api admin) {
    Api.Reply created =
        admin.post(
            "/api/v1/accounts",
            "{\"username\":\"%s\",\"password\":\"%s\",\"roles\":[\"OPERATOR\"]}"
                .formatted(OPERATOR, OPERATOR_PASSWORD));
    if (created.status() != 201) {
      throw new IllegalStateException("Could not create the operator: " + created);
    }
  }

  /**
   * Embedded PostgreSQL starts with synchronous_commit off, which no production server would; set
   * it for the benchmark's database explicitly, for the connections the application opens.
   */
  private static void setSynchronousCommit(Connection database, boolean on) throws Exception {
    try (Statement statement = database.createStatement()) {
      String name = database.getCatalog();
      statement.execute(
          "alter database \"%s\" set synchronous_commit = %s".formatted(name, on ? "on" : "off"));
    }
  }

  private static Map<String, String> environment(Postgres postgres, String url, Path dataDir) {
    Map<String, String> env = postgres.custodianSettings(url);
    env.put("CUSTODIAN_DATA_DIR", dataDir.toString());
    env.put("CUSTODIAN_ADMIN_PASSWORD", ADMIN_PASSWORD);
    for (String key : List.of("PII", "TOKEN", "INDEX", "AUDIT")) {
      env.put("CUSTODIAN_" + key + "_KEY", TestKeys.random());
    }
    return env;
  }
}
