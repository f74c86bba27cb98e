package app.custodian.bench;

import app.custodian.testing.Api;
import app.custodian.testing.CustodianProcess;
import app.custodian.testing.Postgres;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * Issue 20's benchmark: a CSV of {@code bench.customers} (1,000,000) rows with two consent columns
 * and their proof, uploaded to {@code POST /api/v1/imports} of Custodian on PostgreSQL in {@code
 * -Xmx512m} (bench.appHeap); prints the upload time, the import's rows per second (target: at least
 * 5,000), the application's resident memory and heap as the rows go in (flat: the file is streamed,
 * a chunk at a time), then the export of the same customers, rows per second, and its one download.
 *
 * <p>Run with {@code ./mvnw -Pbench -DskipTests package exec:exec@import-export} (e.g. {@code
 * -Dbench.customers=100000}).
 */
public final class ImportExportBenchmark {

  static final double TARGET_ROWS_PER_SECOND = 5000;
  private static final String ADMIN_PASSWORD = "bench-admin-password";

  private ImportExportBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rows = Integer.getInteger("bench.customers", 1_000_000);
    String appHeap = System.getProperty("bench.appHeap", "");
    appHeap = appHeap.isBlank() ? "512m" : appHeap;
    int progressSeconds = Integer.getInteger("bench.progressSeconds", 5);
    Duration timeout = Duration.ofMinutes(Integer.getInteger("bench.importTimeoutMinutes", 120));
    System.out.printf("import-export benchmark: %,d rows, app heap %s%n", rows, appHeap);
    Path dataDir = Files.createTempDirectory("custodian-bench-");
    Path csv = dataDir.resolve("customers.csv");
    long bytes = writeCsv(csv, rows);
    System.out.printf("CSV written: %,d bytes (%,d rows, two consent columns)%n", bytes, rows);
    GcLog gcLog = new GcLog(dataDir.resolve("gc.log"));
    try (Postgres postgres = Postgres.start(TopStatements.SERVER_CONFIG)) {
      String url = postgres.createDatabase();
      Connection database = postgres.connect(url);
      TopStatements statements = new TopStatements(database);
      Map<String, String> env = postgres.custodianSettings(url, dataDir, ADMIN_PASSWORD);
      CustodianProcess custodian =
          new CustodianProcess(dataDir, env).jvmOptions("-Xmx" + appHeap, gcLog.jvmOption());
      String extra = System.getProperty("bench.appJvmOptions", "");
      if (!extra.isBlank()) {
        custodian.jvmOptions(extra.strip().split("\\s+"));
      }
      custodian.start();
      try {
        AppMemory memory = new AppMemory(custodian.pid(), dataDir.resolve("gc.log"));
        MachineSampler sampler = new MachineSampler(custodian.pid(), gcLog, database);
        Api admin = custodian.api("admin", ADMIN_PASSWORD);
        long uploadStart = System.nanoTime();
        HttpResponse<String> started =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(
                            custodian.baseUri().resolve("/api/v1/imports?mode=create"))
                        .header("Authorization", basic())
                        .header("Content-Type", "text/csv; charset=UTF-8")
                        .timeout(Duration.ofMinutes(30))
                        .POST(HttpRequest.BodyPublishers.ofFile(csv))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        double uploadSeconds = (System.nanoTime() - uploadStart) / 1e9;
        if (started.statusCode() != 202) {
          throw new IllegalStateException("import refused: " + started.body());
        }
        String importId = json(started.body()).getString("importId");
        System.out.printf(
            "Uploaded in %.1f s (%.0f MB/s), stored encrypted; RSS %,d KiB%n",
            uploadSeconds, bytes / 1e6 / uploadSeconds, memory.sampleRss());
        long watchStart = System.currentTimeMillis();
        statements.reset();
        sampler.opened();
        JsonObject view =
            watch(admin, "/api/v1/imports/" + importId, memory, progressSeconds, timeout);
        sampler.closed();
        long watchEnd = System.currentTimeMillis();
        double importSeconds = runSeconds(view);
        long imported = view.getJsonNumber("rows").longValue();
        double rate = imported / importSeconds;
        System.out.printf(
            "%nimport: %s, %,d rows (created %,d, rejected %,d, consents %,d) in %.1f s:"
                + " %.0f rows/s (target >= %.0f: %s)%n",
            view.getString("status"),
            imported,
            view.getJsonNumber("created").longValue(),
            view.getJsonNumber("rejected").longValue(),
            view.getJsonNumber("consentsRecorded").longValue(),
            importSeconds,
            rate,
            TARGET_ROWS_PER_SECOND,
            rate >= TARGET_ROWS_PER_SECOND ? "met" : "NOT met");
        System.out.printf(
            "memory during the import: RSS at most %,d KiB sampled (process peak %,d KiB);"
                + " GC: %s%n",
            memory.maxSampledRssKb(), memory.peakRssKb(), memory.heapBetween(watchStart, watchEnd));
        System.out.print(sampler.summary());
        System.out.print(statements.top(15));

        statements.reset();
        sampler.opened();
        var exportStarted = admin.post("/api/v1/exports", "");
        String exportId = exportStarted.json().getString("exportId");
        long exportWatchStart = System.currentTimeMillis();
        JsonObject export =
            watch(admin, "/api/v1/exports/" + exportId, memory, progressSeconds, timeout);
        long exportWatchEnd = System.currentTimeMillis();
        sampler.closed();
        double exportSeconds = runSeconds(export);
        long exported = export.getJsonNumber("count").longValue();
        long downloadStart = System.nanoTime();
        long downloaded = 0;
        long lines = 0;
        HttpResponse<InputStream> file =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(
                            custodian.baseUri().resolve("/api/v1/exports/" + exportId + "/file"))
                        .header("Authorization", basic())
                        .GET()
                        .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = file.body()) {
          byte[] buffer = new byte[1 << 16];
          int n;
          while ((n = in.read(buffer)) > 0) {
            downloaded += n;
            for (int i = 0; i < n; i++) {
              if (buffer[i] == '\n') {
                lines++;
              }
            }
          }
        }
        double downloadSeconds = (System.nanoTime() - downloadStart) / 1e9;
        System.out.printf(
            "%nexport: %s, %,d customers written in %.1f s: %.0f rows/s; GC: %s%n"
                + "download: HTTP %d, %,d bytes, %,d lines in %.1f s; RSS at most %,d KiB%n",
            export.getString("status"),
            exported,
            exportSeconds,
            exported / exportSeconds,
            memory.heapBetween(exportWatchStart, exportWatchEnd),
            file.statusCode(),
            downloaded,
            lines,
            downloadSeconds,
            memory.maxSampledRssKb());
        System.out.print(sampler.summary());
        System.out.print(statements.top(8));
      } finally {
        custodian.stop();
      }
      System.out.println("Custodian's log: " + dataDir.resolve("custodian.log"));
    }
  }

  /** Polls until the status leaves RUNNING, printing progress and memory. */
  private static JsonObject watch(
      Api admin, String path, AppMemory memory, int progressSeconds, Duration timeout)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    Instant nextPrint = Instant.now();
    long start = System.nanoTime();
    while (Instant.now().isBefore(deadline)) {
      JsonObject view = admin.get(path).json();
      long rss = memory.sampleRss();
      if (!view.getString("status").equals("RUNNING")) {
        return view;
      }
      if (Instant.now().isAfter(nextPrint)) {
        System.out.printf(
            "  %5.0f s: %s rows %s, RSS %,d KiB%n",
            (System.nanoTime() - start) / 1e9,
            path.contains("imports") ? "imported" : "exported",
            view.containsKey("rows") ? view.get("rows") : view.get("count"),
            rss);
        nextPrint = Instant.now().plusSeconds(progressSeconds);
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(path + " did not end within " + timeout);
  }

  /** Rows as a CRM would export them: a name, an address, a phone, two opt-ins with proof. */
  private static long writeCsv(Path csv, int rows) throws Exception {
    try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      out.write(
          "fullName,email,phone,address,organization,locale,consent.NEWSLETTER,consent.SURVEY,"
              + "consentSource,consentPolicyVersion,consentCollectedAt,consentEvidence\n");
      for (int i = 0; i < rows; i++) {
        out.write("Nguyễn Văn Khách ");
        out.write(Integer.toString(i));
        out.write(",khach-");
        out.write(Integer.toString(i));
        out.write("@example.vn,+8491");
        out.write(String.format("%07d", i % 10_000_000));
        out.write(",\"");
        out.write(Integer.toString(i % 500));
        out.write(" Lý Thường Kiệt, Hà Nội\",Công ty ");
        out.write(Integer.toString(i % 1000));
        out.write(",vi,granted,granted,web-form,2026-01,2026-05-01T09:30:00+07:00,form ");
        out.write(Integer.toString(i));
        out.write('\n');
      }
    }
    return Files.size(csv);
  }

  private static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }

  private static String basic() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  /** How long the import or export ran, by its own createdAt and endedAt. */
  private static double runSeconds(JsonObject run) {
    return Duration.between(
                Instant.parse(run.getString("createdAt")), Instant.parse(run.getString("endedAt")))
            .toMillis()
        / 1e3;
  }
}
