package app.custodian.delivery.boundary;

import app.custodian.audit.boundary.AuditJournal;
import app.custodian.consent.boundary.ConsentChecks;
import app.custodian.delivery.control.SendPacer;
import app.custodian.delivery.entity.DeliveryStatus;
import app.custodian.mail.boundary.MailGateway;
import app.custodian.platform.boundary.JobDatabase;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where a mail job's writer gets its {@link DeliveryRun}: {@code CUSTODIAN_SEND_THREADS} parallel
 * senders, at most {@code CUSTODIAN_SEND_RATE} messages a second across them, {@code
 * CUSTODIAN_SEND_RETRIES} retries {@code CUSTODIAN_SEND_RETRY_AFTER} apart (doubling) while the
 * SMTP server cannot be reached. Dependent, so each writer reads the settings when it is made.
 */
@Dependent
public class DeliveryPipeline {

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
  @Inject ReturnPaths returnPaths;

  /**
   * A run for one step of a job; close it when the step ends.
   *
   * @param job names the senders' threads and the log lines
   * @param settled told each outcome as it is recorded, on the senders' threads
   */
  public DeliveryRun open(String job, Consumer<DeliveryStatus> settled) {
    return new DeliveryRun(
        job,
        Math.max(1, threads),
        new SendPacer(rate),
        new RetryPolicy(retries, firstRetry),
        new Settlement(database, mail, consent, audit, returnPaths, settled));
  }

  /** How often and how far apart a message is tried again while SMTP cannot be reached. */
  record RetryPolicy(int retries, Duration firstWait) {}
}
