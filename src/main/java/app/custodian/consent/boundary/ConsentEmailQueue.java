package app.custodian.consent.boundary;

import app.custodian.audit.boundary.AuditTrail;
import app.custodian.consent.entity.ConsentConfirmation;
import app.custodian.consent.entity.ConsentEmail;
import app.custodian.consent.entity.ConsentEmailKind;
import app.custodian.consent.entity.ConsentState;
import app.custodian.consent.entity.Suppression;
import app.custodian.customer.boundary.CustomerService;
import app.custodian.customer.boundary.Recipient;
import app.custodian.mail.boundary.MailQueue;
import app.custodian.mail.boundary.QueuedSend;
import app.custodian.mail.control.OutboundMail;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The queue of confirmation emails. Sending one checks at that moment that it is still wanted and
 * allowed (the suppression list applies), hands it to the mail gateway, and records the outcome.
 * Lost only if the process dies between the SMTP hand-off and the commit; then it is sent again (a
 * duplicate confirmation beats a missing one).
 */
@Stateless
@Local(MailQueue.class)
public class ConsentEmailQueue implements MailQueue {

  @PersistenceContext EntityManager em;
  @Inject CustomerService customers;
  @Inject SuppressionList suppressions;
  @Inject ConsentMessages messages;
  @Inject QueuedSend sending;
  @Inject AuditTrail audit;

  Clock clock = Clock.systemUTC();

  @Override
  public Class<?> rows() {
    return ConsentEmail.class;
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void deliver(String noticeId) {
    Instant now = clock.instant();
    ConsentEmail notice = em.find(ConsentEmail.class, noticeId, LockModeType.PESSIMISTIC_WRITE);
    if (notice == null || !notice.retry().dueAt(now)) {
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

  private void send(ConsentEmail notice, Recipient recipient, Instant now) {
    OutboundMail message =
        notice.kind() == ConsentEmailKind.CONFIRMATION
            ? messages.askToConfirm(
                em.find(ConsentConfirmation.class, notice.confirmationId()), recipient)
            : messages.compose(notice.kind(), notice.purpose(), recipient);
    QueuedSend.Outcome outcome =
        sending.attempt("Confirmation " + notice.id(), message, notice.retry(), now);
    if (outcome.result() == QueuedSend.Result.REJECTED) {
      suppressions.hardBounced(recipient.emailIndex());
    }
    if (outcome.finished()) {
      em.remove(notice);
      done(notice, "EMAIL_" + outcome.result(), outcome.detail());
    }
  }

  /** A confirmation of consent no longer held, or to an address that must not be mailed. */
  private Optional<String> reasonToSkip(ConsentEmail notice, Recipient recipient) {
    List<Suppression> entries = suppressions.of(recipient.emailIndex());
    boolean confirmsGrant = notice.kind() == ConsentEmailKind.GRANTED;
    for (Suppression entry : entries) {
      if (Suppression.ALL.equals(entry.scope())
          || confirmsGrant && entry.blocks(notice.purpose())) {
        return Optional.of("suppressed " + entry.reason());
      }
    }
    if (notice.kind() == ConsentEmailKind.CONFIRMATION) {
      ConsentConfirmation confirmation =
          em.find(ConsentConfirmation.class, notice.confirmationId());
      if (confirmation == null || !confirmation.open(clock.instant())) {
        return Optional.of("confirmation used or expired before sending");
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
  private void done(ConsentEmail notice, String action, String detail) {
    audit.recordAs(
        AuditTrail.SYSTEM_ACTOR,
        action,
        notice.customerId(),
        "consent "
            + notice.kind()
            + " "
            + (notice.purpose() == null ? notice.confirmationId() : notice.purpose())
            + ": "
            + detail);
  }
}
