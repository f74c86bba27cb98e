package app.custodian.bench;

import app.custodian.testing.Api;
import app.custodian.testing.CustodianProcess;
import app.custodian.testing.Postgres;
import app.custodian.testing.TestSmtp;
import com.icegreen.greenmail.util.GreenMail;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Whether the public privacy form's answer time tells who is a customer: {@code POST /privacy} for
 * customers' addresses and for strangers', interleaved (each address once, the order alternating),
 * on the packaged jar with PostgreSQL and a real SMTP server. Prints the median and the 90th
 * percentile of each and the difference of the medians.
 *
 * <p>Run with {@code ./mvnw -Pbench -DskipTests package exec:exec@privacy-form} ({@code
 * -Dbench.tries=50}, {@code -Dbench.warmup=200}).
 */
public final class PrivacyFormTimingBenchmark {

  private static final String ADMIN_PASSWORD = "bench-admin-password";

  private PrivacyFormTimingBenchmark() {}

  public static void main(String[] args) throws Exception {
    int tries = Integer.getInteger("bench.tries", 50);
    int warmup = Integer.getInteger("bench.warmup", 200);
    Path dataDir = Files.createTempDirectory("custodian-bench-");
    GreenMail smtp = TestSmtp.start();
    try (Postgres postgres = Postgres.start()) {
      String url = postgres.createDatabase();
      Map<String, String> env = postgres.custodianSettings(url, dataDir, ADMIN_PASSWORD);
      TestSmtp.sendTo(env, smtp.getSmtp().getPort());
      env.put("CUSTODIAN_PUBLIC_LIMIT_PER_CLIENT", Integer.toString(10 * (warmup + 2 * tries)));
      try (CustodianProcess custodian = new CustodianProcess(dataDir, env).start()) {
        Api admin = custodian.api("admin", ADMIN_PASSWORD);
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < warmup / 2 + tries; i++) {
          customers.add(newCustomer(admin));
        }
        HttpClient client = HttpClient.newHttpClient();
        URI form = custodian.baseUri().resolve("/privacy");
        System.out.printf("Warm-up: %d posts%n", warmup);
        for (int i = 0; i < warmup; i++) {
          post(client, form, i % 2 == 0 ? customers.get(i / 2) : stranger());
        }
        double[] known = new double[tries];
        double[] unknown = new double[tries];
        for (int i = 0; i < tries; i++) {
          String customer = customers.get(warmup / 2 + i);
          if (i % 2 == 0) {
            known[i] = post(client, form, customer);
            unknown[i] = post(client, form, stranger());
          } else {
            unknown[i] = post(client, form, stranger());
            known[i] = post(client, form, customer);
          }
        }
        print("customer's address", known);
        print("stranger's address", unknown);
        System.out.printf(
            "Difference of the medians: %.3f ms (target: under 1 ms)%n",
            median(known) - median(unknown));
      }
    } finally {
      smtp.stop();
    }
  }

  private static String newCustomer(Api admin) {
    String email = "bench-" + UUID.randomUUID() + "@example.vn";
    Api.Reply created =
        admin.post(
            "/api/v1/customers",
            "{\"fullName\":\"Nguyễn Văn An\",\"email\":\"%s\"}".formatted(email));
    if (created.status() != 201) {
      throw new IllegalStateException("Could not create a customer: " + created);
    }
    return email;
  }

  private static String stranger() {
    return "stranger-" + UUID.randomUUID() + "@example.vn";
  }

  /** One POST; its time in milliseconds, from sending to the last byte of the answer. */
  private static double post(HttpClient client, URI form, String email) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(form)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)))
            .build();
    long started = System.nanoTime();
    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    double millis = (System.nanoTime() - started) / 1e6;
    if (response.statusCode() != 200) {
      throw new IllegalStateException("POST /privacy answered " + response.statusCode());
    }
    Thread.sleep(20); // one person at a time, as a timing attacker would ask
    return millis;
  }

  private static void print(String label, double[] times) {
    double[] sorted = times.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "POST /privacy, %s: %d tries, median %.3f ms, p90 %.3f ms, min %.3f ms, max %.3f ms%n",
        label,
        sorted.length,
        median(sorted),
        sorted[(int) Math.ceil(sorted.length * 0.9) - 1],
        sorted[0],
        sorted[sorted.length - 1]);
  }

  private static double median(double[] times) {
    double[] sorted = times.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
