package app.custodian.bench;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Creates customers through {@code POST /api/v1/customers} with a bounded pool of threads. */
final class CustomerLoader {

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
  private static final String[] FAMILY = {
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"
  };
  private static final String[] MIDDLE = {
    "Văn", "Thị", "Minh", "Quốc", "Thu", "Đức", "Ngọc", "Hữu"
  };
  private static final String[] GIVEN = {
    "An", "Bình", "Cường", "Dung", "Em", "Giang", "Hà", "Khánh"
  };
  private static final String[] MOBILE_PREFIXES = {"090", "091", "093", "094", "096", "097", "098"};

  private final URI base;
  private final Requests requests;
  private final int threads;

  CustomerLoader(URI base, Requests requests, int threads) {
    this.base = base;
    this.requests = requests;
    this.threads = threads;
  }

  /** The ids of the customers created before the timeout; fails on the first refused create. */
  String[] load(int count, Duration timeout) throws InterruptedException {
    String run = Long.toString(System.currentTimeMillis(), 36);
    String[] ids = new String[count];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicReference<String> failure = new AtomicReference<>();
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread worker =
          new Thread(
              () -> {
                try (HttpConnection connection =
                    new HttpConnection(base.getHost(), base.getPort())) {
                  for (int i = next.getAndIncrement();
                      i < count && failure.get() == null && System.nanoTime() < deadline;
                      i = next.getAndIncrement()) {
                    ids[i] = create(connection, customerJson(run, i));
                    done.incrementAndGet();
                  }
                } catch (IOException | RuntimeException e) {
                  failure.compareAndSet(null, e.toString());
                }
              },
              "loader-" + t);
      worker.setDaemon(true);
      workers.add(worker);
      worker.start();
    }
    long lastReport = start;
    int lastDone = 0;
    for (Thread worker : workers) {
      while (worker.isAlive()) {
        worker.join(1000);
        long now = System.nanoTime();
        if (now - lastReport >= 10_000_000_000L) {
          int d = done.get();
          System.out.printf(
              "  loaded %,d of %,d (%.0f/s over the last %.0f s)%n",
              d, count, (d - lastDone) / ((now - lastReport) / 1e9), (now - lastReport) / 1e9);
          lastReport = now;
          lastDone = d;
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (failure.get() != null) {
      throw new IllegalStateException("Loading customers failed: " + failure.get());
    }
    System.out.printf(
        "Loaded %,d customers in %.1f s: %.0f customers/s with %d loader threads%n",
        done.get(), seconds, done.get() / seconds, threads);
    if (done.get() < count) {
      System.out.printf(
          "WARNING: the load timeout ended loading at %,d of %,d%n", done.get(), count);
    }
    return Arrays.stream(ids).filter(Objects::nonNull).toArray(String[]::new);
  }

  private String create(HttpConnection connection, String json) throws IOException {
    HttpConnection.Response response =
        connection.exchange(requests.postJson("/api/v1/customers", json));
    Matcher id = ID.matcher(response.text());
    if (response.status() != 201 || !id.find()) {
      throw new IllegalStateException(
          "create answered " + response.status() + " " + response.text());
    }
    return id.group(1);
  }

  private static String customerJson(String run, int i) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String name =
        FAMILY[random.nextInt(FAMILY.length)]
            + " "
            + MIDDLE[random.nextInt(MIDDLE.length)]
            + " "
            + GIVEN[random.nextInt(GIVEN.length)];
    String phone =
        MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)]
            + String.format("%07d", random.nextInt(10_000_000));
    return """
           {"fullName":"%s","email":"bench-%s-%d@example.vn","phone":"%s",\
           "organization":"Công ty %d","address":"%d Lý Thường Kiệt, Hà Nội"}"""
        .formatted(name, run, i, phone, i % 997, 1 + i % 300);
  }
}
