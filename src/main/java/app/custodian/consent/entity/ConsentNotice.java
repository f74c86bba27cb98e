package app.custodian.consent.entity;

import app.custodian.mail.entity.RetrySchedule;
import app.custodian.platform.control.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
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

  @Id private String id;

  @Column(name = "customer_id")
  private String customerId;

  @Enumerated(EnumType.STRING)
  private NoticeKind kind;

  @Enumerated(EnumType.STRING)
  private Purpose purpose;

  @Column(name = "created_at")
  private Instant createdAt;

  @Embedded private RetrySchedule retry;

  protected ConsentNotice() {}

  public ConsentNotice(String customerId, NoticeKind kind, Purpose purpose, Instant now) {
    this.id = Ids.newId();
    this.customerId = Objects.requireNonNull(customerId, "customerId");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.purpose = Objects.requireNonNull(purpose, "purpose");
    this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
    this.retry = new RetrySchedule(createdAt);
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

  public RetrySchedule retry() {
    return retry;
  }
}
