package app.custodian.platform.control;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code limit} acts per key in each fixed window of time, counted in memory (per node).
 * Memory stays bounded: past windows are dropped, and past {@code maxKeys} keys all counts start
 * again, which an attacker with that many addresses could use, but no more than that.
 */
public final class WindowLimit {

  private final int limit;
  private final long windowMillis;
  private final int maxKeys;
  private final Clock clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  public WindowLimit(int limit, Duration window, int maxKeys, Clock clock) {
    if (limit < 1 || window.isNegative() || window.isZero() || maxKeys < 1) {
      throw new IllegalArgumentException("limit, window and maxKeys must be positive");
    }
    this.limit = limit;
    this.windowMillis = window.toMillis();
    this.maxKeys = maxKeys;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Counts one act for the key; false when the key has used up the current window. */
  public boolean tryAcquire(String key) {
    long now = clock.millis();
    long start = now - Math.floorMod(now, windowMillis);
    if (windows.size() >= maxKeys) {
      windows.values().removeIf(w -> w.start != start);
      if (windows.size() >= maxKeys) {
        windows.clear();
      }
    }
    Window window =
        windows.compute(
            key, (k, old) -> old == null || old.start != start ? new Window(start) : old);
    return window.count.incrementAndGet() <= limit;
  }

  private static final class Window {
    final long start;
    final AtomicInteger count = new AtomicInteger();

    Window(long start) {
      this.start = start;
    }
  }
}
