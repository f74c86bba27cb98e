package app.custodian.contract.entity;

import app.custodian.platform.control.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** A customer's contract: from {@code startsOn} to {@code endsOn}, or to an earlier termination. */
@Entity
@Table(name = "contract")
public class Contract {

  /** Where a contract stands on a given day. */
  public enum Status {
    UPCOMING,
    ACTIVE,
    ENDED
  }

  @Id private String id;

  @Column(name = "customer_id")
  private String customerId;

  private String reference;
  private String service;

  @Column(name = "starts_on")
  private LocalDate startsOn;

  @Column(name = "ends_on")
  private LocalDate endsOn;

  @Column(name = "ended_on")
  private LocalDate endedOn;

  @Column(name = "created_at")
  private Instant createdAt;

  protected Contract() {}

  /**
   * @throws IllegalArgumentException when it would end before it starts
   */
  public Contract(
      String customerId,
      String reference,
      String service,
      LocalDate startsOn,
      LocalDate endsOn,
      Instant now) {
    if (endsOn.isBefore(startsOn)) {
      throw new IllegalArgumentException("must not be before startsOn");
    }
    this.id = Ids.newId();
    this.customerId = Objects.requireNonNull(customerId, "customerId");
    this.reference = Objects.requireNonNull(reference, "reference");
    this.service = Objects.requireNonNull(service, "service");
    this.startsOn = startsOn;
    this.endsOn = endsOn;
    this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * Ends the contract on that day (it still runs through it).
   *
   * @throws IllegalArgumentException for a day before its start or after its planned end
   * @throws IllegalStateException when it was terminated already
   */
  public void terminate(LocalDate on) {
    if (endedOn != null) {
      throw new IllegalStateException("The contract was terminated already, on " + endedOn);
    }
    if (on.isBefore(startsOn) || on.isAfter(endsOn)) {
      throw new IllegalArgumentException(
          "must be between startsOn (" + startsOn + ") and endsOn (" + endsOn + ")");
    }
    endedOn = on;
  }

  /** The last day of the contract: its termination day, or else its planned end. */
  public LocalDate lastDay() {
    return endedOn != null ? endedOn : endsOn;
  }

  public Status status(LocalDate today) {
    if (today.isBefore(startsOn)) {
      return Status.UPCOMING;
    }
    return today.isAfter(lastDay()) ? Status.ENDED : Status.ACTIVE;
  }

  public String id() {
    return id;
  }

  public String customerId() {
    return customerId;
  }

  public String reference() {
    return reference;
  }

  public String service() {
    return service;
  }

  public LocalDate startsOn() {
    return startsOn;
  }

  public LocalDate endsOn() {
    return endsOn;
  }

  public LocalDate endedOn() {
    return endedOn;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
