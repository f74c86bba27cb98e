package app.custodian.consent.entity;

import app.custodian.platform.control.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A confirmation email waiting to be sent. It names the customer and what to confirm; the message
 * is rendered when it is sent, so nothing personal waits in this table.
 */
@Entity
@Table(name = "consent_notice")
public class ConsentNotice {

  static final Duration LONGEST_WAIT = Duration.ofHours(1);
  static final int MAX_ATTEMPTS = 30;

  @Id private String id;

  @Column(name = "customer_id")
  private String customerId;

  @Enumerated(EnumType.STRING)
  private NoticeKind kind;

  @Enumerated(EnumType.STRING)
  private Purpose purpose;

  @Column(name = "created_at")
  private Instant createdAt;

  private int attempts;

  @Column(name = "next_attempt_at")
  private Instant nextAttemptAt;

  protected ConsentNotice() {}

  public ConsentNotice(String customerId, NoticeKind kind, Purpose purpose, Instant now) {
    this.id = Ids.newId();
    this.customerId = Objects.requireNonNull(customerId, "customerId");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.purpose = Objects.requireNonNull(purpose, "purpose");
    this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
    this.nextAttemptAt = createdAt;
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

  public String id() {
    return id;
  }

  public String customerId() {
    return customerId;
  }

  public NoticeKind kind() {
    return kind;
  }

  public Purpose purpose() {
    return purpose;
  }

  public int attempts() {
    return attempts;
  }

  public Instant nextAttemptAt() {
    return nextAttemptAt;
  }
}
