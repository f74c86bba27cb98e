package app.custodian.consent.entity;

import app.custodian.platform.control.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Purposes a person ticked on the public preference page, waiting for them to open the link emailed
 * to their address. Opened once, before it expires, it becomes their consent; the consent events
 * name it as their evidence. Sharing with third parties is never among them: no public page grants
 * it.
 */
@Entity
@Table(name = "consent_confirmation")
public class ConsentConfirmation {

  @Id private String id;

  @Column(name = "customer_id")
  private String customerId;

  private String purposes;

  @Column(name = "requested_at")
  private Instant requestedAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "confirmed_at")
  private Instant confirmedAt;

  protected ConsentConfirmation() {}

  public ConsentConfirmation(
      String customerId, Collection<Purpose> purposes, Instant now, Duration validFor) {
    if (purposes.isEmpty() || purposes.contains(Purpose.THIRD_PARTY_SHARING)) {
      throw new IllegalArgumentException("confirmable purposes only, at least one");
    }
    this.id = Ids.newId();
    this.customerId = Objects.requireNonNull(customerId, "customerId");
    this.purposes =
        EnumSet.copyOf(purposes).stream().map(Purpose::name).collect(Collectors.joining(","));
    this.requestedAt = now.truncatedTo(ChronoUnit.MICROS);
    this.expiresAt = requestedAt.plus(validFor);
  }

  /** Whether it can still be confirmed: not used yet and not expired. */
  public boolean open(Instant now) {
    return confirmedAt == null && now.isBefore(expiresAt);
  }

  /** Uses it up; the purposes are granted by the caller in the same transaction. */
  public Set<Purpose> confirm(Instant now) {
    if (!open(now)) {
      throw new IllegalStateException("confirmation " + id + " is used or expired");
    }
    confirmedAt = now.truncatedTo(ChronoUnit.MICROS);
    return purposes();
  }

  public Set<Purpose> purposes() {
    Set<Purpose> set = EnumSet.noneOf(Purpose.class);
    Arrays.stream(purposes.split(",")).map(Purpose::valueOf).forEach(set::add);
    return set;
  }

  public String id() {
    return id;
  }

  public String customerId() {
    return customerId;
  }
}
