package app.custodian.consent.boundary;

import app.custodian.audit.boundary.AuditTrail;
import app.custodian.consent.entity.ConsentNotice;
import app.custodian.consent.entity.ConsentState;
import app.custodian.consent.entity.NoticeKind;
import app.custodian.consent.entity.Suppression;
import app.custodian.consent.entity.SuppressionReason;
import app.custodian.customer.boundary.CustomerService;
import app.custodian.customer.boundary.Recipient;
import app.custodian.mail.boundary.MailGateway;
import app.custodian.mail.control.MailRejectedException;
import app.custodian.mail.control.MailUnavailableException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends one queued confirmation: checks at that moment that it is still wanted and allowed, hands
 * it to the mail gateway, and records the outcome. Lost only if the process dies between the SMTP
 * hand-off and the commit; then it is sent again (a duplicate confirmation beats a missing one).
 */
@Stateless
public class NoticeDelivery {

  private static final Logger LOG = Logger.getLogger(NoticeDelivery.class.getName());

  @PersistenceContext EntityManager em;
  @Inject CustomerService customers;
  @Inject SuppressionList suppressions;
  @Inject ConsentMessages messages;
  @Inject MailGateway mail;
  @Inject AuditTrail audit;

  @Inject
  @ConfigProperty(name = "custodian.mail.retry.after", defaultValue = "PT30S")
  String firstRetry;

  Clock clock = Clock.systemUTC();

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void deliver(String noticeId) {
    Instant now = clock.instant();
    ConsentNotice notice = em.find(ConsentNotice.class, noticeId, LockModeType.PESSIMISTIC_WRITE);
    if (notice == null || !notice.dueAt(now)) {
      return; // sent by another node meanwhile, or rescheduled
    }
    Optional<Recipient> recipient = customers.recipient(notice.customerId());
    Optional<String> skip = recipient.flatMap(r -> reasonToSkip(notice, r));
    if (recipient.isEmpty() || skip.isPresent()) {
      em.remove(notice);
      skip.ifPresent(reason -> done(notice, "EMAIL_SKIPPED", reason));
      return;
    }
    send(notice, recipient.get(), now);
  }

  private void send(ConsentNotice notice, Recipient recipient, Instant now) {
    try {
      String messageId = mail.send(messages.compose(notice.kind(), notice.purpose(), recipient));
      em.remove(notice);
      done(notice, "EMAIL_SENT", messageId);
    } catch (MailRejectedException e) {
      suppressions.suppressAs(
          AuditTrail.SYSTEM_ACTOR,
          recipient.emailIndex(),
          Suppression.ALL,
          SuppressionReason.HARD_BOUNCE);
      em.remove(notice);
      done(notice, "EMAIL_REJECTED", "SMTP " + e.code());
    } catch (MailUnavailableException e) {
      notice.retryLater(now, Duration.parse(firstRetry));
      LOG.warning(
          () ->
              "Confirmation "
                  + notice.id()
                  + " not sent, retry at "
                  + notice.nextAttemptAt()
                  + ": "
                  + e.getMessage());
      if (notice.exhausted()) {
        em.remove(notice);
        done(notice, "EMAIL_GAVE_UP", notice.attempts() + " attempts");
      }
    }
  }

  /** A confirmation of consent no longer held, or to an address that must not be mailed. */
  private Optional<String> reasonToSkip(ConsentNotice notice, Recipient recipient) {
    List<Suppression> entries = suppressions.of(recipient.emailIndex());
    boolean confirmsGrant = notice.kind() == NoticeKind.GRANTED;
    for (Suppression entry : entries) {
      if (Suppression.ALL.equals(entry.scope())
          || confirmsGrant && entry.blocks(notice.purpose())) {
        return Optional.of("suppressed " + entry.reason());
      }
    }
    if (confirmsGrant) {
      ConsentState state =
          em.find(
              ConsentState.class, new ConsentState.Key(recipient.customerId(), notice.purpose()));
      if (state == null || !state.granted()) {
        return Optional.of("consent withdrawn before sending");
      }
    }
    return Optional.empty();
  }

  // Sent by the application itself, whoever's change queued it.
  private void done(ConsentNotice notice, String action, String detail) {
    audit.recordAs(
        AuditTrail.SYSTEM_ACTOR,
        action,
        notice.customerId(),
        "consent " + notice.kind() + " " + notice.purpose() + ": " + detail);
  }
}
