package app.custodian.mail.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * When a queued email is next tried and how often it has failed for now: the {@code attempts} and
 * {@code next_attempt_at} columns of every mail queue table.
 */
@Embeddable
public class RetrySchedule {

  static final Duration LONGEST_WAIT = Duration.ofHours(1);
  static final int MAX_ATTEMPTS = 30;

  private int attempts;

  @Column(name = "next_attempt_at")
  private Instant nextAttemptAt;

  protected RetrySchedule() {}

  /** Due at {@code first}, not tried yet. */
  public RetrySchedule(Instant first) {
    this.nextAttemptAt = Objects.requireNonNull(first, "first").truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * After a transient failure: the first retry waits {@code firstWait}, each next one twice as long
   * as the last, up to an hour.
   */
  public void retryLater(Instant now, Duration firstWait) {
    attempts++;
    Duration wait = firstWait.multipliedBy(1L << Math.min(attempts - 1, 20));
    nextAttemptAt = now.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
  }

  /** Whether retrying has gone on long enough (about a day, by default) to give up. */
  public boolean exhausted() {
    return attempts >= MAX_ATTEMPTS;
  }

  public boolean dueAt(Instant now) {
    return !nextAttemptAt.isAfter(now);
  }

  public int attempts() {
    return attempts;
  }

  public Instant nextAttemptAt() {
    return nextAttemptAt;
  }
}
