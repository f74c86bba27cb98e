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
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * An address that must not be mailed, for one purpose or for all ({@link #ALL}). The address is
 * held only as its blind index.
 */
@Entity
@Table(name = "suppression")
@IdClass(Suppression.Key.class)
public class Suppression {

  public static final String ALL = "ALL";

  @Id
  @Column(name = "address_index")
  private String addressIndex;

  @Id private String scope;

  @Enumerated(EnumType.STRING)
  private SuppressionReason reason;

  private Instant at;

  protected Suppression() {}

  public Suppression(String addressIndex, String scope, SuppressionReason reason, Instant at) {
    this.addressIndex = Objects.requireNonNull(addressIndex, "addressIndex");
    this.scope = Objects.requireNonNull(scope, "scope");
    this.reason = Objects.requireNonNull(reason, "reason");
    this.at = at.truncatedTo(ChronoUnit.MICROS);
  }

  /** Whether this entry keeps messages of the purpose from the address. */
  public boolean blocks(Purpose purpose) {
    return ALL.equals(scope) || purpose.name().equals(scope);
  }

  /**
   * Whether the person's own explicit opt-in for the purpose lifts this entry. A hard bounce stays:
   * the address cannot take mail whatever its owner wants.
   */
  public boolean liftedByOptIn(Purpose purpose) {
    return blocks(purpose) && reason != SuppressionReason.HARD_BOUNCE;
  }

  public String addressIndex() {
    return addressIndex;
  }

  public String scope() {
    return scope;
  }

  public SuppressionReason reason() {
    return reason;
  }

  public Instant at() {
    return at;
  }

  /** Composite primary key. */
  public static class Key implements Serializable {
    private String addressIndex;
    private String scope;

    public Key() {}

    public Key(String addressIndex, String scope) {
      this.addressIndex = addressIndex;
      this.scope = scope;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && addressIndex.equals(k.addressIndex) && scope.equals(k.scope);
    }

    @Override
    public int hashCode() {
      return Objects.hash(addressIndex, scope);
    }
  }
}
