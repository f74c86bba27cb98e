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
public class ConsentEmail {

  @Id private String id;

  @Column(name = "customer_id")
  private String customerId;

  @Enumerated(EnumType.STRING)
  private ConsentEmailKind kind;

  @Enumerated(EnumType.STRING)
  private Purpose purpose;

  @Column(name = "confirmation_id")
  private String confirmationId;

  @Column(name = "created_at")
  private Instant createdAt;

  @Embedded private RetrySchedule retry;

  protected ConsentEmail() {}

  public ConsentEmail(String customerId, ConsentEmailKind kind, Purpose purpose, Instant now) {
    this.id = Ids.newId();
    this.customerId = Objects.requireNonNull(customerId, "customerId");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.purpose = Objects.requireNonNull(purpose, "purpose");
    this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
    this.retry = new RetrySchedule(createdAt);
  }

  /** The email that asks the person to confirm what they ticked on the preference page. */
  public static ConsentEmail askToConfirm(ConsentConfirmation confirmation, Instant now) {
    ConsentEmail notice = new ConsentEmail();
    notice.id = Ids.newId();
    notice.customerId = confirmation.customerId();
    notice.kind = ConsentEmailKind.CONFIRMATION;
    notice.confirmationId = confirmation.id();
    notice.createdAt = now.truncatedTo(ChronoUnit.MICROS);
    notice.retry = new RetrySchedule(notice.createdAt);
    return notice;
  }

  public String id() {
    return id;
  }

  public String customerId() {
    return customerId;
  }

  public ConsentEmailKind kind() {
    return kind;
  }

  /** The purpose a grant or withdrawal notice is about; null for a confirmation request. */
  public Purpose purpose() {
    return purpose;
  }

  public String confirmationId() {
    return confirmationId;
  }

  public RetrySchedule retry() {
    return retry;
  }
}
