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
import java.util.function.LongPredicate;

/**
 * A campaign: its templates, whose consent counts, and how its sending went. Its status changes
 * only through its methods, which refuse what its lifecycle does not allow, whoever stores it: JPA
 * for the API and the portal, the {@code newsletter-send} job with JDBC ({@code CampaignRow}). The
 * delivery rows are the job's.
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

  @Column(name = "tallied_at")
  private Instant talliedAt;

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

  /** The campaign as its row holds it: the {@code newsletter-send} job reads it with JDBC. */
  public static Campaign ofRow(
      String id,
      CampaignContent content,
      CampaignStatus status,
      Instant createdAt,
      String createdBy,
      Long executionId,
      Unreached unreached,
      Instant talliedAt) {
    Campaign campaign = new Campaign(content, createdBy, createdAt);
    campaign.id = Objects.requireNonNull(id, "id");
    campaign.status = Objects.requireNonNull(status, "status");
    campaign.executionId = executionId;
    campaign.skippedNoConsent = unreached.skippedNoConsent();
    campaign.skippedSuppressed = unreached.skippedSuppressed();
    campaign.deferred = unreached.deferred();
    campaign.talliedAt = talliedAt;
    return campaign;
  }

  /**
   * Asked to send (through the API or the portal), before its job starts.
   *
   * @param runLive whether an execution of the {@code newsletter-send} job is still running
   * @throws IllegalStateException while a run of it is under way or about to start
   */
  public void startSending(LongPredicate runLive) {
    if (isBeingSent(runLive)) {
      throw new IllegalStateException("The campaign is being sent already");
    }
    status = CampaignStatus.SENDING;
    executionId = null;
  }

  /**
   * The request that started the run records it, unless the run has recorded itself already (it may
   * even have ended: a small campaign is sent in a moment).
   *
   * @throws IllegalStateException when the campaign is not waiting for this run
   */
  public void sendingBy(long executionId) {
    if (Objects.equals(this.executionId, executionId)) {
      return;
    }
    if (status != CampaignStatus.SENDING || this.executionId != null) {
      throw new IllegalStateException("The campaign is not waiting for run " + executionId);
    }
    this.executionId = executionId;
  }

  /**
   * A run of its job starts: after a request to send, or a restart through the jobs API (of a
   * failed run, or of a sent campaign, which mails nobody twice), from whatever state.
   */
  public void runStarted(long executionId) {
    status = CampaignStatus.SENDING;
    this.executionId = executionId;
  }

  /**
   * The run went through every eligible customer: the campaign is sent.
   *
   * @throws IllegalStateException unless this run is sending it
   */
  public void sent(long executionId, Unreached unreached, Instant now) {
    if (!isSendingBy(executionId)) {
      throw new IllegalStateException("Run " + executionId + " is not sending the campaign");
    }
    status = CampaignStatus.SENT;
    skippedNoConsent = unreached.skippedNoConsent();
    skippedSuppressed = unreached.skippedSuppressed();
    deferred = unreached.deferred();
    talliedAt = now.truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * Its run ended without finishing it, or could not start.
   *
   * @throws IllegalStateException unless it is being sent
   */
  public void failed() {
    if (status != CampaignStatus.SENDING) {
      throw new IllegalStateException("A campaign that is " + status + " cannot fail");
    }
    status = CampaignStatus.FAILED;
  }

  public boolean isSendingBy(long executionId) {
    return status == CampaignStatus.SENDING && Objects.equals(this.executionId, executionId);
  }

  /** Whether a run of it is under way, or about to start (none recorded yet). */
  public boolean isBeingSent(LongPredicate runLive) {
    return status == CampaignStatus.SENDING && (executionId == null || runLive.test(executionId));
  }

  /**
   * What the API and the portal show: a campaign whose recorded run will not end by itself (it
   * failed, or its process died before nodes were recorded) shows FAILED; one whose node is lost
   * goes on SENDING, as another node continues it. Showing writes nothing.
   */
  public CampaignStatus shownStatus(LongPredicate runLive) {
    return status == CampaignStatus.SENDING && executionId != null && !runLive.test(executionId)
        ? CampaignStatus.FAILED
        : status;
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

  public Instant talliedAt() {
    return talliedAt;
  }
}
