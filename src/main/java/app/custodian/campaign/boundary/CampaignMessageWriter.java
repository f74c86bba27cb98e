package app.custodian.campaign.boundary;

import app.custodian.audit.boundary.AuditJournal;
import app.custodian.audit.boundary.AuditTrail;
import app.custodian.campaign.control.CampaignMessage;
import app.custodian.campaign.control.CampaignRuns;
import app.custodian.campaign.control.Deliveries;
import app.custodian.campaign.control.SendPacer;
import app.custodian.campaign.entity.DeliveryStatus;
import app.custodian.consent.boundary.ConsentChecks;
import app.custodian.mail.boundary.MailGateway;
import app.custodian.mail.control.MailRejectedException;
import app.custodian.mail.control.MailUnavailableException;
import app.custodian.platform.boundary.JobDatabase;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends a chunk's messages over {@code CUSTODIAN_SEND_THREADS} parallel senders, at most {@code
 * CUSTODIAN_SEND_RATE} a second. Each message: a PENDING delivery row committed, the SMTP hand-off,
 * then SENT (with its audit entry) committed. A refusal for now is retried with backoff; when SMTP
 * stays out of reach the claims are given back and the step fails, to be restarted.
 */
@Named
@Dependent
public class CampaignMessageWriter extends AbstractItemWriter {

  private static final Logger LOG = Logger.getLogger(CampaignMessageWriter.class.getName());

  enum Outcome {
    SENT,
    FAILED,
    UNCERTAIN,
    ALREADY_SENT,
    NOT_SENT
  }

  @Inject
  @BatchProperty(name = NewsletterSendJob.CAMPAIGN_ID)
  String campaignId;

  @Inject
  @ConfigProperty(name = "custodian.send.threads", defaultValue = "4")
  int threads;

  @Inject
  @ConfigProperty(name = "custodian.send.rate", defaultValue = "0")
  double rate;

  @Inject
  @ConfigProperty(name = "custodian.send.retries", defaultValue = "3")
  int retries;

  @Inject
  @ConfigProperty(name = "custodian.send.retry.after", defaultValue = "PT1S")
  Duration firstRetry;

  @Inject JobDatabase database;
  @Inject MailGateway mail;
  @Inject ConsentChecks consent;
  @Inject AuditJournal audit;
  @Inject CampaignMetrics metrics;

  private ExecutorService senders;
  private SendPacer pacer;
  private boolean advertising;
  private final AtomicBoolean unreachable = new AtomicBoolean();

  @Override
  public void open(Serializable checkpoint) throws Exception {
    AtomicInteger number = new AtomicInteger();
    senders =
        Executors.newFixedThreadPool(
            Math.max(1, threads),
            task -> {
              Thread thread = new Thread(task, "campaign-sender-" + number.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    pacer = new SendPacer(rate);
    try (Connection connection = database.connect()) {
      advertising = CampaignRuns.content(connection, campaignId).advertising();
    }
  }

  @Override
  public void writeItems(List<Object> items) throws Exception {
    List<Future<Outcome>> outcomes = new ArrayList<>(items.size());
    for (Object item : items) {
      outcomes.add(senders.submit(() -> deliver((CampaignMessage) item)));
    }
    int notSent = 0;
    ExecutionException broken = null;
    for (Future<Outcome> outcome : outcomes) {
      try { // every sender finishes its message before the chunk ends, whatever happened
        if (outcome.get() == Outcome.NOT_SENT) {
          notSent++;
        }
      } catch (ExecutionException e) {
        broken = broken == null ? e : broken;
      }
    }
    if (broken != null) {
      throw broken; // its row stays PENDING, so the next run counts it uncertain
    }
    if (notSent > 0) {
      throw new MailUnavailableException(
          "The SMTP server could not be reached; "
              + notSent
              + " messages of this chunk wait for a restart");
    }
  }

  @Override
  public void close() {
    if (senders != null) {
      senders.shutdownNow();
    }
  }

  private Outcome deliver(CampaignMessage message) throws SQLException, InterruptedException {
    if (unreachable.get()) {
      return Outcome.NOT_SENT;
    }
    try (Connection connection = database.connect()) {
      if (!Deliveries.claim(
          connection,
          campaignId,
          message.customerId(),
          advertising,
          message.consentEventId(),
          Instant.now())) {
        return Outcome.ALREADY_SENT;
      }
      Duration wait = firstRetry;
      for (int attempt = 0; ; attempt++) {
        pacer.await();
        try {
          String messageId = mail.send(message.mail());
          return settle(connection, message, DeliveryStatus.SENT, messageId, "EMAIL_SENT");
        } catch (MailRejectedException e) {
          consent.suppressHardBounce(connection, message.addressIndex());
          return settle(
              connection, message, DeliveryStatus.FAILED, "SMTP " + e.code(), "EMAIL_REJECTED");
        } catch (MailUnavailableException e) {
          if (e.possiblyDelivered()) {
            return settle(
                connection, message, DeliveryStatus.UNCERTAIN, e.getMessage(), "EMAIL_UNCERTAIN");
          }
          if (attempt >= retries || unreachable.get()) {
            unreachable.set(true);
            Deliveries.release(connection, campaignId, message.customerId());
            LOG.warning(() -> "Campaign " + campaignId + " paused: " + e.getMessage());
            return Outcome.NOT_SENT;
          }
          Thread.sleep(wait.toMillis());
          wait = wait.multipliedBy(2);
        }
      }
    }
  }

  private Outcome settle(
      Connection connection,
      CampaignMessage message,
      DeliveryStatus status,
      String detail,
      String action)
      throws SQLException {
    JobDatabase.inTransaction(
        connection,
        () -> {
          Deliveries.settle(
              connection, campaignId, message.customerId(), status, detail, Instant.now());
          audit.append(
              connection,
              AuditTrail.SYSTEM_ACTOR,
              action,
              message.customerId(),
              "campaign " + campaignId + (status == DeliveryStatus.SENT ? ": " + detail : ""));
        });
    metrics.count(status.name().toLowerCase(Locale.ROOT));
    return Outcome.valueOf(status.name());
  }
}
