package app.custodian.campaign.entity;

import app.custodian.consent.entity.Purpose;
import app.custodian.platform.control.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A campaign: its templates, whose consent counts, and how its sending went. The delivery rows and
 * the audience figures are written by the {@code newsletter-send} job.
 */
@Entity
@Table(name = "campaign")
public class Campaign {

  @Id private String id;
  private String name;

  @Enumerated(EnumType.STRING)
  private Purpose purpose;

  private boolean advertising;
  private String subject;

  @Column(name = "text_body")
  private String textBody;

  @Column(name = "html_body")
  private String htmlBody;

  @Enumerated(EnumType.STRING)
  private CampaignStatus status;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "created_by")
  private String createdBy;

  @Column(name = "execution_id")
  private Long executionId;

  @Column(name = "skipped_no_consent")
  private long skippedNoConsent;

  @Column(name = "skipped_suppressed")
  private long skippedSuppressed;

  private long deferred;

  protected Campaign() {}

  public Campaign(CampaignContent content, String createdBy, Instant now) {
    this.id = Ids.newId();
    this.name = content.name();
    this.purpose = content.purpose();
    this.advertising = content.advertising();
    this.subject = content.subject();
    this.textBody = content.textBody();
    this.htmlBody = content.htmlBody();
    this.status = CampaignStatus.DRAFT;
    this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
    this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
  }

  /**
   * Marks the campaign as being sent, before its job starts.
   *
   * @param sendingElsewhere whether the execution recorded for it is still running
   * @throws IllegalStateException when a run of it is under way
   */
  public void startSending(boolean sendingElsewhere) {
    if (status == CampaignStatus.SENDING && (executionId == null || sendingElsewhere)) {
      throw new IllegalStateException("The campaign is being sent already");
    }
    status = CampaignStatus.SENDING;
    executionId = null;
  }

  public void sendingBy(long executionId) {
    this.executionId = executionId;
  }

  /** The run recorded for the campaign ended without finishing it. */
  public void failed() {
    status = CampaignStatus.FAILED;
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public CampaignContent content() {
    return new CampaignContent(name, purpose, advertising, subject, textBody, htmlBody);
  }

  public CampaignStatus status() {
    return status;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }

  public Long executionId() {
    return executionId;
  }

  public long skippedNoConsent() {
    return skippedNoConsent;
  }

  public long skippedSuppressed() {
    return skippedSuppressed;
  }

  public long deferred() {
    return deferred;
  }
}
