package app.custodian.policy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A version of the privacy policy: from which day it applies, what changed (in Vietnamese and
 * English) and whether the change is to the customers' disadvantage. Never changed once registered,
 * but for the run that last notified customers of it.
 */
@Entity
@Table(name = "policy_version")
public class PolicyVersion {

  @Id private String version;

  @Column(name = "effective_on")
  private LocalDate effectiveOn;

  @Column(name = "summary_vi")
  private String summaryVi;

  @Column(name = "summary_en")
  private String summaryEn;

  private boolean adverse;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "created_by")
  private String createdBy;

  @Column(name = "notified_execution_id")
  private Long notifiedExecutionId;

  protected PolicyVersion() {}

  public PolicyVersion(
      String version,
      LocalDate effectiveOn,
      String summaryVi,
      String summaryEn,
      boolean adverse,
      String createdBy,
      Instant now) {
    this.version = Objects.requireNonNull(version, "version");
    this.effectiveOn = Objects.requireNonNull(effectiveOn, "effectiveOn");
    this.summaryVi = Objects.requireNonNull(summaryVi, "summaryVi");
    this.summaryEn = Objects.requireNonNull(summaryEn, "summaryEn");
    this.adverse = adverse;
    this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
    this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
  }

  /** A run of the {@code policy-notice} job tells customers of this version. */
  public void notifiedBy(long executionId) {
    notifiedExecutionId = executionId;
  }

  public String version() {
    return version;
  }

  public LocalDate effectiveOn() {
    return effectiveOn;
  }

  public String summaryVi() {
    return summaryVi;
  }

  public String summaryEn() {
    return summaryEn;
  }

  public boolean adverse() {
    return adverse;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Long notifiedExecutionId() {
    return notifiedExecutionId;
  }
}
