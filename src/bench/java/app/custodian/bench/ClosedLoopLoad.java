package app.custodian.bench;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Closed-loop load: each client thread owns one connection and sends its next request when the
 * previous one has been answered. Warm-up and measured window run back to back, so the server never
 * sees the load drop between them; only requests completing inside the window count.
 */
final class ClosedLoopLoad {

  /** The next request to send, as complete bytes. */
  interface RequestSource {
    byte[] next(ThreadLocalRandom random);
  }

  /** Told when the measured window opens and closes, to sample the machine meanwhile. */
  interface Window {
    void opened();

    void closed();
  }

  private final URI base;
  private final int clients;
  private final Duration warmup;
  private final Duration measure;

  ClosedLoopLoad(URI base, int clients, Duration warmup, Duration measure) {
    this.base = base;
    this.clients = clients;
    this.warmup = warmup;
    this.measure = measure;
  }

  /** Runs the load, printing what it measures and the machine's CPU split meanwhile. */
  Measurement measure(String endpoint, RequestSource source, MachineSampler sampler)
      throws InterruptedException {
    System.out.printf(
        "Measuring %s: %d clients, %d s warm-up...%n", endpoint, clients, warmup.toSeconds());
    Measurement m = run(endpoint, source, sampler);
    System.out.printf(
        "  %,d requests, %.1f req/s, p50 %.2f ms, p99 %.2f ms, %d errors%n",
        m.requests(), m.throughput(), m.p50(), m.p99(), m.errors());
    System.out.print(sampler.summary());
    return m;
  }

  Measurement run(String endpoint, RequestSource source, Window window)
      throws InterruptedException {
    CountDownLatch go = new CountDownLatch(1);
    long[] bounds = new long[2]; // window start and end, written before go opens
    List<Client> all = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      Client client = new Client(source, go, bounds);
      all.add(client);
      client.thread.start();
    }
    long start = System.nanoTime();
    bounds[0] = start + warmup.toNanos();
    bounds[1] = bounds[0] + measure.toNanos();
    go.countDown();
    sleepUntil(bounds[0]);
    window.opened();
    sleepUntil(bounds[1]);
    window.closed();
    List<Latencies> latencies = new ArrayList<>();
    Map<String, Long> errorKinds = new HashMap<>();
    long warmupErrors = 0;
    for (Client client : all) {
      client.thread.join(Duration.ofSeconds(60).toMillis());
      latencies.add(client.latencies);
      client.errorKinds.forEach((kind, n) -> errorKinds.merge(kind, n, Long::sum));
      warmupErrors += client.warmupErrors;
    }
    if (warmupErrors > 0) {
      errorKinds.put("(during warm-up, not counted)", warmupErrors);
    }
    long[] sorted = Latencies.mergeSorted(latencies);
    long errors = all.stream().mapToLong(c -> c.errors).sum();
    return new Measurement(
        endpoint, sorted.length, errors, errorKinds, measure.toNanos() / 1e9, sorted);
  }

  private static void sleepUntil(long nanoTime) {
    for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
      LockSupport.parkNanos(left);
    }
  }

  private final class Client implements Runnable {
    final Thread thread = new Thread(this, "client");
    final Latencies latencies = new Latencies();
    final Map<String, Long> errorKinds = new HashMap<>();
    final RequestSource source;
    final CountDownLatch go;
    final long[] bounds;
    long errors;
    long warmupErrors;

    Client(RequestSource source, CountDownLatch go, long[] bounds) {
      this.source = source;
      this.go = go;
      this.bounds = bounds;
      thread.setDaemon(true);
    }

    @Override
    public void run() {
      try (HttpConnection connection = new HttpConnection(base.getHost(), base.getPort())) {
        go.await();
        long windowStart = bounds[0];
        long windowEnd = bounds[1];
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true) {
          byte[] request = source.next(random);
          String error = null;
          long sent = System.nanoTime();
          try {
            int status = connection.exchange(request).status();
            if (status < 200 || status > 299) {
              error = "HTTP " + status;
            }
          } catch (IOException | RuntimeException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
            LockSupport.parkNanos(10_000_000); // no busy loop against a server that is gone
          }
          long answered = System.nanoTime();
          if (answered > windowEnd) {
            return;
          }
          if (answered <= windowStart) {
            warmupErrors += error == null ? 0 : 1;
            continue;
          }
          latencies.record(answered - sent);
          if (error != null) {
            errors++;
            errorKinds.merge(error, 1L, Long::sum);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
