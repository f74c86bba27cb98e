package app.custodian.bench;

import static app.custodian.testing.Queries.count;

import app.custodian.security.control.BlindIndex;
import app.custodian.security.control.FieldCipher;
import app.custodian.security.control.KeyMaterial;
import app.custodian.testing.Api;
import app.custodian.testing.CustodianProcess;
import app.custodian.testing.Postgres;
import app.custodian.testing.TestKeys;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The key rotation benchmark: {@code bench.customers} (1,000,000) customers with six
 * personal fields, written under PII key A straight into the table with {@code COPY} (the
 * ciphertext made here, in parallel); then Custodian started with key B and A retired, and its
 * {@code pii-reencrypt} job run through the API until it completes. Prints the rows rewritten per
 * second between the execution's start and end (target: at least 5,000/s), and checks that no value
 * is left under A.
 *
 * <p>Run with {@code ./mvnw -Pbench -DskipTests package exec:exec@pii-reencrypt} (e.g. {@code
 * -Dbench.customers=100000}).
 */
public final class PiiReencryptBenchmark {

  static final double TARGET_ROWS_PER_SECOND = 5000;

  private static final String ADMIN_PASSWORD = "bench-admin-password";
  private static final int BLOCK = 10_000;
  private static final HexFormat HEX = HexFormat.of();

  private PiiReencryptBenchmark() {}

  public static void main(String[] args) throws Exception {
    int customers = Integer.getInteger("bench.customers", 1_000_000);
    String appHeap = System.getProperty("bench.appHeap", "");
    appHeap = appHeap.isBlank() ? "512m" : appHeap;
    int timeoutMinutes = Integer.getInteger("bench.reencryptTimeoutMinutes", 120);
    System.out.printf("pii-reencrypt benchmark: %,d customers, app heap %s%n", customers, appHeap);
    Path dataDir = Files.createTempDirectory("custodian-bench-");
    Map<String, String> keys = Postgres.keys();
    String keyA = keys.get("CUSTODIAN_PII_KEY");
    String keyB = TestKeys.random();
    KeyMaterial underA =
        KeyMaterial.resolve(
            keyA,
            keys.get("CUSTODIAN_TOKEN_KEY"),
            keys.get("CUSTODIAN_INDEX_KEY"),
            dataDir,
            s -> {});
    try (Postgres postgres = Postgres.start()) {
      String url = postgres.createDatabase();
      Map<String, String> env = postgres.custodianSettings(url, dataDir, ADMIN_PASSWORD);
      env.putAll(keys);
      CustodianProcess first = new CustodianProcess(dataDir, env).jvmOptions("-Xmx" + appHeap);
      first.start(); // migrates the empty database
      first.stop();

      long seedStart = System.nanoTime();
      seed(postgres, url, underA.fieldCipher(), underA.blindIndex(), customers);
      double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
      try (Connection db = postgres.connect(url);
          Statement analyse = db.createStatement()) {
        analyse.execute("vacuum analyze customer");
        System.out.printf(
            "Seeded %,d customers under key A in %.1f s (%.0f/s)%n",
            count(db, "select count(*) from customer"), seedSeconds, customers / seedSeconds);
      }

      env.put("CUSTODIAN_PII_KEY", keyB);
      env.put("CUSTODIAN_PII_RETIRED_KEYS", keyA);
      CustodianProcess custodian =
          new CustodianProcess(dataDir, env).jvmOptions("-Xmx" + appHeap).start();
      JsonObject run;
      try {
        Api admin = custodian.api("admin", ADMIN_PASSWORD);
        run = admin.runJob("/api/v1/jobs/pii-reencrypt", Duration.ofMinutes(timeoutMinutes));
      } finally {
        custodian.stop();
      }
      double seconds =
          Duration.between(
                      Instant.parse(run.getString("startTime")),
                      Instant.parse(run.getString("endTime")))
                  .toMillis()
              / 1e3;
      long written = run.getJsonObject("metrics").getJsonNumber("written").longValue();
      long leftUnderA;
      try (Connection db = postgres.connect(url)) {
        byte[] idA =
            FieldCipher.keyIdOf(java.util.Base64.getDecoder().decode(keyA))
                .getBytes(StandardCharsets.US_ASCII);
        leftUnderA =
            count(
                db,
                "select count(*) from customer where substring(email from 3 for 8) = ?"
                    + " or substring(full_name from 3 for 8) = ?",
                idA,
                idA);
      }
      double rate = written / seconds;
      System.out.printf(
          "%npii-reencrypt: %s, %,d rows rewritten (%,d read) in %.1f s: %.0f rows/s"
              + " (target >= %.0f: %s); rows still under key A: %,d%n",
          run.getString("batchStatus"),
          written,
          run.getJsonObject("metrics").getJsonNumber("read").longValue(),
          seconds,
          rate,
          TARGET_ROWS_PER_SECOND,
          rate >= TARGET_ROWS_PER_SECOND ? "met" : "NOT met",
          leftUnderA);
      System.out.println("Custodian's log: " + dataDir.resolve("custodian.log"));
    }
  }

  /** Customers as the application writes them, under A, a block per COPY, blocks in parallel. */
  private static void seed(
      Postgres postgres, String url, FieldCipher cipher, BlindIndex index, int customers)
      throws Exception {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> blocks = new ArrayList<>();
    for (int from = 0; from < customers; from += BLOCK) {
      int start = from;
      int end = Math.min(customers, from + BLOCK);
      blocks.add(
          pool.submit(
              () -> {
                try (Connection db = postgres.connect(url)) {
                  try (Statement s = db.createStatement()) {
                    s.execute("set synchronous_commit = off");
                  }
                  CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
                  copy.copyIn(
                      "copy customer (id, full_name, email, email_index, phone, address,"
                          + " organization, job_title, locale, created_at, updated_at, version)"
                          + " from stdin",
                      new StringReader(block(cipher, index, start, end)));
                }
                return null;
              }));
    }
    for (int i = 0; i < blocks.size(); i++) {
      blocks.get(i).get();
      if ((i + 1) % 20 == 0) {
        System.out.printf("  seeded %,d of %,d%n", Math.min(customers, (i + 1) * BLOCK), customers);
      }
    }
    pool.shutdown();
  }

  private static String block(FieldCipher cipher, BlindIndex index, int from, int end) {
    StringBuilder rows = new StringBuilder((end - from) * 1200);
    String now = "2026-01-01 00:00:00+00";
    for (int n = from; n < end; n++) {
      String email = "customer" + n + "@example.vn";
      rows.append(UUID.randomUUID())
          .append('\t')
          .append(bytea(cipher.encrypt(Audience.fullName(n))))
          .append('\t')
          .append(bytea(cipher.encrypt(email)))
          .append('\t')
          .append(index.email(email))
          .append('\t')
          .append(bytea(cipher.encrypt("+849" + (10_000_000 + n))))
          .append('\t')
          .append(bytea(cipher.encrypt(n + " Lý Thường Kiệt, Hoàn Kiếm, Hà Nội")))
          .append('\t')
          .append(bytea(cipher.encrypt("Công ty TNHH Số " + n)))
          .append('\t')
          .append(bytea(cipher.encrypt("Trưởng phòng kế toán")))
          .append("\tvi\t")
          .append(now)
          .append('\t')
          .append(now)
          .append("\t0\n");
    }
    return rows.toString();
  }

  /** COPY's text format: a backslash is written twice, so bytea's hex form is \\x... */
  private static String bytea(byte[] value) {
    return "\\\\x" + HEX.formatHex(value);
  }
}
