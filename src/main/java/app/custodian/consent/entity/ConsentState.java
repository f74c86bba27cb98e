package app.custodian.consent.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * The current consent of one customer to one purpose, derived from the ledger and kept in step with
 * it in the same transaction; the event that set it says why a message was allowed.
 */
@Entity
@Table(name = "consent_state")
@IdClass(ConsentState.Key.class)
public class ConsentState {

  @Id
  @Column(name = "customer_id")
  private String customerId;

  @Id
  @Enumerated(EnumType.STRING)
  private Purpose purpose;

  private boolean granted;
  private Instant since;

  @Column(name = "event_id")
  private String eventId;

  protected ConsentState() {}

  /** The state that the first applied event for a purpose sets. */
  public static ConsentState first(ConsentEvent event) {
    ConsentState state = new ConsentState();
    state.customerId = event.customerId();
    state.purpose = event.purpose();
    state.granted = event.granted();
    state.since = event.at();
    state.eventId = event.id();
    return state;
  }

  /**
   * Applies the next applied event. Confirming the same state keeps its {@code since}; the event
   * that authorises is always the latest.
   */
  public void apply(ConsentEvent event) {
    if (!event.applied() || event.purpose() != purpose) {
      throw new IllegalArgumentException("not an applied event for " + purpose);
    }
    if (event.granted() != granted) {
      since = event.at();
    }
    granted = event.granted();
    eventId = event.id();
  }

  public String customerId() {
    return customerId;
  }

  public Purpose purpose() {
    return purpose;
  }

  public boolean granted() {
    return granted;
  }

  public Instant since() {
    return since;
  }

  public String eventId() {
    return eventId;
  }

  /** Composite primary key. */
  public static class Key implements Serializable {
    private String customerId;
    private Purpose purpose;

    public Key() {}

    public Key(String customerId, Purpose purpose) {
      this.customerId = customerId;
      this.purpose = purpose;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && customerId.equals(k.customerId) && purpose == k.purpose;
    }

    @Override
    public int hashCode() {
      return Objects.hash(customerId, purpose);
    }
  }
}
