package app.custodian.disclosure.entity;

import app.custodian.customer.entity.DataCategoriesConverter;
import app.custodian.customer.entity.DataCategory;
import app.custodian.platform.control.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/** One entry of the disclosure log: which kinds of a person's data went to whom, and why. */
@Entity
@Table(name = "disclosure")
public class Disclosure {

  @Id private String id;

  @Column(name = "customer_id")
  private String customerId;

  private String recipient;

  @Enumerated(EnumType.STRING)
  @Column(name = "legal_basis")
  private LegalBasis legalBasis;

  @Convert(converter = DataCategoriesConverter.class)
  @Column(name = "data_categories")
  private List<DataCategory> dataCategories;

  private String reference;

  @Column(name = "disclosed_at")
  private Instant disclosedAt;

  @Column(name = "recorded_at")
  private Instant recordedAt;

  @Column(name = "recorded_by")
  private String recordedBy;

  @Column(name = "consent_event_id")
  private String consentEventId;

  protected Disclosure() {}

  /**
   * @param consentEventId the event that granted {@code THIRD_PARTY_SHARING}; required on {@code
   *     CONSENT}, and only there
   */
  public Disclosure(
      String customerId,
      String recipient,
      LegalBasis legalBasis,
      List<DataCategory> dataCategories,
      String reference,
      Instant disclosedAt,
      String recordedBy,
      String consentEventId,
      Instant now) {
    if ((legalBasis == LegalBasis.CONSENT) != (consentEventId != null)) {
      throw new IllegalArgumentException("A consent event backs a disclosure on CONSENT, only");
    }
    if (dataCategories.isEmpty()) {
      throw new IllegalArgumentException("A disclosure names at least one data category");
    }
    this.id = Ids.newId();
    this.customerId = Objects.requireNonNull(customerId, "customerId");
    this.recipient = Objects.requireNonNull(recipient, "recipient");
    this.legalBasis = Objects.requireNonNull(legalBasis, "legalBasis");
    this.dataCategories = dataCategories.stream().distinct().toList();
    this.reference = reference;
    this.disclosedAt = disclosedAt.truncatedTo(ChronoUnit.MICROS);
    this.recordedBy = Objects.requireNonNull(recordedBy, "recordedBy");
    this.consentEventId = consentEventId;
    this.recordedAt = now.truncatedTo(ChronoUnit.MICROS);
  }

  public String id() {
    return id;
  }

  public String customerId() {
    return customerId;
  }

  public String recipient() {
    return recipient;
  }

  public LegalBasis legalBasis() {
    return legalBasis;
  }

  public List<DataCategory> dataCategories() {
    return dataCategories;
  }

  public String reference() {
    return reference;
  }

  public Instant disclosedAt() {
    return disclosedAt;
  }

  public Instant recordedAt() {
    return recordedAt;
  }

  public String recordedBy() {
    return recordedBy;
  }

  public String consentEventId() {
    return consentEventId;
  }
}
