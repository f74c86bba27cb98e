package app.custodian.incident.entity;

import app.custodian.customer.entity.DataCategoriesConverter;
import app.custodian.customer.entity.DataCategory;
import app.custodian.platform.control.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A personal data breach: when it was detected, what happened, which kinds of data and how many
 * people it concerns (counted when it was recorded, so the count outlives erasures), what follows
 * and what was done, and when the authority was told.
 */
@Entity
@Table(name = "incident")
public class Incident {

  /** Decree 13/2023 art. 23 and GDPR art. 33: the authority hears of it within 72 hours. */
  public static final Duration AUTHORITY_WINDOW = Duration.ofHours(72);

  @Id private String id;

  @Column(name = "detected_at")
  private Instant detectedAt;

  private String description;

  @Convert(converter = DataCategoriesConverter.class)
  @Column(name = "data_categories")
  private List<DataCategory> dataCategories;

  private String nature;

  @Column(name = "likely_consequences")
  private String likelyConsequences;

  @Column(name = "measures_taken")
  private String measuresTaken;

  @Column(name = "delay_reason")
  private String delayReason;

  @Column(name = "affected_customers")
  private int affectedCustomers;

  @Column(name = "reported_at")
  private Instant reportedAt;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "created_by")
  private String createdBy;

  @Column(name = "notified_execution_id")
  private Long notifiedExecutionId;

  protected Incident() {}

  /**
   * @param categories the kinds of personal data concerned, at least one
   * @param affectedCustomers how many people; the records affected are counted as people times
   *     categories
   */
  public Incident(
      Instant detectedAt,
      String description,
      Collection<DataCategory> categories,
      int affectedCustomers,
      String createdBy,
      Instant now) {
    if (categories.isEmpty()) {
      throw new IllegalArgumentException("An incident concerns at least one kind of data");
    }
    this.id = Ids.newId();
    this.detectedAt = detectedAt.truncatedTo(ChronoUnit.MICROS);
    this.description = Objects.requireNonNull(description, "description");
    this.dataCategories = categories.stream().sorted().distinct().toList();
    this.affectedCustomers = affectedCustomers;
    this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
    this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
  }

  /** The answers the authority report needs, given now or later; null leaves one unanswered. */
  public void describe(String nature, String likelyConsequences, String measuresTaken) {
    this.nature = nature;
    this.likelyConsequences = likelyConsequences;
    this.measuresTaken = measuresTaken;
  }

  public void redescribe(String description) {
    this.description = Objects.requireNonNull(description, "description");
  }

  public void explainDelay(String delayReason) {
    this.delayReason = delayReason;
  }

  /**
   * The report to the authority was filed then; null when it was not (a correction).
   *
   * @throws IllegalArgumentException for a moment before the detection
   */
  public void reportedToAuthority(Instant at) {
    if (at != null && at.isBefore(detectedAt)) {
      throw new IllegalArgumentException("must not be before detectedAt (" + detectedAt + ")");
    }
    reportedAt = at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
  }

  public void notifiedBy(long executionId) {
    notifiedExecutionId = executionId;
  }

  public Instant authorityDeadline() {
    return detectedAt.plus(AUTHORITY_WINDOW);
  }

  public String id() {
    return id;
  }

  public Instant detectedAt() {
    return detectedAt;
  }

  public String description() {
    return description;
  }

  public List<DataCategory> dataCategories() {
    return dataCategories;
  }

  public String nature() {
    return nature;
  }

  public String likelyConsequences() {
    return likelyConsequences;
  }

  public String measuresTaken() {
    return measuresTaken;
  }

  public String delayReason() {
    return delayReason;
  }

  public int affectedCustomers() {
    return affectedCustomers;
  }

  /** Records affected: each person's data of each kind, one record. */
  public long affectedRecords() {
    return (long) affectedCustomers * dataCategories.size();
  }

  public Instant reportedAt() {
    return reportedAt;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Long notifiedExecutionId() {
    return notifiedExecutionId;
  }
}
