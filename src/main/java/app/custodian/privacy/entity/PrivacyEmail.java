package app.custodian.privacy.entity;

import app.custodian.mail.entity.RetrySchedule;
import app.custodian.platform.control.Ids;
import app.custodian.security.control.EncryptedString;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
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
 * An email about a privacy request waiting to be sent. It is rendered when it goes, from the live
 * customer record, so nothing personal waits here, with one exception: the completion notice of an
 * erasure keeps the address (encrypted) and language read before the erasure, until it is sent.
 */
@Entity
@Table(name = "privacy_notice")
public class PrivacyEmail {

  @Id private String id;

  @Column(name = "request_id")
  private String requestId;

  @Column(name = "customer_id")
  private String customerId;

  @Enumerated(EnumType.STRING)
  private PrivacyEmailKind kind;

  @Convert(converter = EncryptedString.class)
  @Column(name = "erased_address")
  private String erasedAddress;

  @Column(name = "erased_locale")
  private String erasedLocale;

  @Column(name = "created_at")
  private Instant createdAt;

  @Embedded private RetrySchedule retry;

  protected PrivacyEmail() {}

  /**
   * @param requestId the request it is about, or null for the public form's link
   */
  public PrivacyEmail(String customerId, String requestId, PrivacyEmailKind kind, Instant now) {
    this.id = Ids.newId();
    this.customerId = Objects.requireNonNull(customerId, "customerId");
    this.requestId = requestId;
    this.kind = Objects.requireNonNull(kind, "kind");
    this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
    this.retry = new RetrySchedule(createdAt);
  }

  /** The person is about to be erased: keep where and in which language to tell them. */
  public void keepAddressForErasure(String address, String locale) {
    this.erasedAddress = Objects.requireNonNull(address, "address");
    this.erasedLocale = locale;
  }

  public String id() {
    return id;
  }

  public String requestId() {
    return requestId;
  }

  public String customerId() {
    return customerId;
  }

  public PrivacyEmailKind kind() {
    return kind;
  }

  public String erasedAddress() {
    return erasedAddress;
  }

  public String erasedLocale() {
    return erasedLocale;
  }

  public RetrySchedule retry() {
    return retry;
  }
}
