package app.custodian.delivery.control;

import java.util.concurrent.TimeUnit;

/**
 * Spaces sends evenly to at most {@code perSecond} across all the threads that share it; 0 means no
 * limit. No bursts: a pause does not save up permits.
 */
public final class SendPacer {

  private final long intervalNanos;
  private long next;

  public SendPacer(double perSecond) {
    if (perSecond < 0) {
      throw new IllegalArgumentException("the send rate cannot be negative");
    }
    this.intervalNanos = perSecond == 0 ? 0 : (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
  }

  /** Waits for this caller's turn. */
  public void await() throws InterruptedException {
    if (intervalNanos == 0) {
      return;
    }
    long wait;
    synchronized (this) {
      long now = System.nanoTime();
      if (next - now < 0) {
        next = now;
      }
      wait = next - now;
      next += intervalNanos;
    }
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }
}
