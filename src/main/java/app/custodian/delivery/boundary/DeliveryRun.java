package app.custodian.delivery.boundary;

import app.custodian.delivery.control.Delivery;
import app.custodian.delivery.control.SendPacer;
import app.custodian.mail.control.MailUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Sends a step's messages over parallel senders, each at most once: a PENDING row committed, the
 * SMTP hand-off (paced), then SENT, FAILED or UNCERTAIN committed with its audit entry. A refusal
 * for now is retried with backoff; when SMTP stays out of reach the claims are given back and the
 * chunk fails, to be restarted. Made by {@link DeliveryPipeline}.
 */
public final class DeliveryRun implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(DeliveryRun.class.getName());

  private enum Outcome {
    SETTLED,
    ALREADY_SENT,
    NOT_SENT
  }

  private final String job;
  private final ExecutorService senders;
  private final SendPacer pacer;
  private final DeliveryPipeline.RetryPolicy retry;
  private final Settlement settlement;
  private final AtomicBoolean unreachable = new AtomicBoolean();

  DeliveryRun(
      String job,
      int threads,
      SendPacer pacer,
      DeliveryPipeline.RetryPolicy retry,
      Settlement settlement) {
    this.job = job;
    this.pacer = pacer;
    this.retry = retry;
    this.settlement = settlement;
    AtomicInteger number = new AtomicInteger();
    this.senders =
        Executors.newFixedThreadPool(
            threads,
            task -> {
              Thread thread = new Thread(task, job + "-sender-" + number.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Sends the messages and returns when each has been dealt with.
   *
   * @throws MailUnavailableException SMTP could not be reached: the messages that did not go have
   *     no row, so a restart sends them
   */
  public void send(List<? extends Delivery> deliveries) throws Exception {
    List<Future<Outcome>> outcomes = new ArrayList<>(deliveries.size());
    for (Delivery delivery : deliveries) {
      outcomes.add(senders.submit(() -> deliver(delivery)));
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
    if (broken != null) { // its row stays PENDING, so the next run counts it uncertain
      throw broken.getCause() instanceof Exception cause ? cause : broken;
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
    senders.shutdownNow();
  }

  private Outcome deliver(Delivery delivery) throws SQLException, InterruptedException {
    if (unreachable.get()) {
      return Outcome.NOT_SENT;
    }
    try (Connection connection = settlement.connect()) {
      long messageKey = settlement.claim(connection, delivery);
      if (messageKey < 0) {
        return Outcome.ALREADY_SENT;
      }
      Duration wait = retry.firstWait();
      for (int attempt = 0; ; attempt++) {
        pacer.await();
        try {
          settlement.handOff(connection, delivery, messageKey);
          return Outcome.SETTLED;
        } catch (MailUnavailableException e) {
          if (e.possiblyDelivered()) {
            settlement.uncertain(connection, delivery, e.getMessage());
            return Outcome.SETTLED;
          }
          if (attempt >= retry.retries() || unreachable.get()) {
            unreachable.set(true);
            delivery.release(connection);
            LOG.warning(() -> job + " paused: " + e.getMessage());
            return Outcome.NOT_SENT;
          }
          Thread.sleep(wait.toMillis());
          wait = wait.multipliedBy(2);
        }
      }
    }
  }
}
