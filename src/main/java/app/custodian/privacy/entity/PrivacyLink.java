package app.custodian.privacy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** When the public form last sent this customer a link, to send at most one per interval. */
@Entity
@Table(name = "privacy_link")
public class PrivacyLink {

  @Id
  @Column(name = "customer_id")
  private String customerId;

  @Column(name = "sent_at")
  private Instant sentAt;

  protected PrivacyLink() {}

  /**
   * Takes the customer's turn for a link.
   *
   * @return false when the last link is younger than the interval
   */
  public boolean take(Instant now, Duration interval) {
    if (sentAt != null && sentAt.plus(interval).isAfter(now)) {
      return false;
    }
    sentAt = now.truncatedTo(ChronoUnit.MICROS);
    return true;
  }
}
