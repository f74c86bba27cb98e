package app.custodian.privacy.boundary;

import app.custodian.audit.boundary.AuditTrail;
import app.custodian.consent.boundary.ConsentLinks;
import app.custodian.consent.boundary.SuppressionList;
import app.custodian.customer.boundary.CustomerService;
import app.custodian.customer.boundary.Recipient;
import app.custodian.mail.boundary.MailGateway;
import app.custodian.mail.boundary.MailQueue;
import app.custodian.mail.boundary.QueuedSend;
import app.custodian.mail.control.OutboundMail;
import app.custodian.privacy.control.CodeCheck;
import app.custodian.privacy.control.LinkTokens;
import app.custodian.privacy.entity.PrivacyEmail;
import app.custodian.privacy.entity.PrivacyEmailKind;
import app.custodian.privacy.entity.PrivacyRequest;
import app.custodian.privacy.entity.RequestStatus;
import app.custodian.security.control.BlindIndex;
import app.custodian.security.control.SignedTokens;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The queue of emails about privacy requests. Sending one sends nothing while the request is
 * suspended (fraud suspected), a fresh one-time code for an acknowledgement of an unverified
 * request (the code exists in plain text only inside the message; the request keeps its HMAC), a
 * fresh signed link for the public form. Suppression lists do not apply: these answer the person's
 * own request.
 */
@Stateless
@Local(MailQueue.class)
public class PrivacyEmailQueue implements MailQueue {

  private static final Logger LOG = Logger.getLogger(PrivacyEmailQueue.class.getName());

  @PersistenceContext EntityManager em;
  @Inject CustomerService customers;
  @Inject SuppressionList suppressions;
  @Inject PrivacyMessages messages;
  @Inject QueuedSend sending;
  @Inject AuditTrail audit;
  @Inject PrivacySettings settings;
  @Inject BlindIndex blindIndex;
  @Inject SignedTokens tokens;
  @Inject ConsentLinks links;
  @Inject MailGateway mail;

  Clock clock = Clock.systemUTC();

  @Override
  public Class<?> rows() {
    return PrivacyEmail.class;
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void deliver(String noticeId) {
    Instant now = clock.instant();
    PrivacyEmail notice = em.find(PrivacyEmail.class, noticeId, LockModeType.PESSIMISTIC_WRITE);
    if (notice == null || !notice.retry().dueAt(now)) {
      return; // sent by another node meanwhile, or rescheduled
    }
    PrivacyRequest request =
        notice.requestId() == null
            ? null
            : em.find(PrivacyRequest.class, notice.requestId(), LockModeType.PESSIMISTIC_WRITE);
    if (request != null && request.suspended()) {
      drop(notice, "request suspended");
      return;
    }
    Optional<Recipient> recipient = customers.recipient(notice.customerId());
    if (recipient.isEmpty() && notice.erasedAddress() == null) {
      drop(notice, "customer gone");
      return;
    }
    String to = recipient.map(Recipient::email).orElse(notice.erasedAddress());
    String locale = recipient.map(Recipient::locale).orElse(notice.erasedLocale());
    String fullName = recipient.map(Recipient::fullName).orElse(null);
    OutboundMail message =
        messages
            .compose(
                notice.kind(),
                request,
                to,
                locale,
                new PrivacyMessages.Details(
                    fullName, code(notice, request, now), link(notice, now)))
            .about(notice.customerId());
    send(notice, message, recipient, now);
  }

  private void send(
      PrivacyEmail notice, OutboundMail message, Optional<Recipient> recipient, Instant now) {
    QueuedSend.Outcome outcome =
        sending.attempt("Privacy notice " + notice.id(), message, notice.retry(), now);
    if (outcome.result() == QueuedSend.Result.REJECTED) {
      recipient.ifPresent(r -> suppressions.hardBounced(r.emailIndex()));
    }
    if (outcome.finished()) {
      em.remove(notice);
      done(notice, "PRIVACY_EMAIL_" + outcome.result(), outcome.detail());
    }
    if (outcome.finished() && recipient.isEmpty()) {
      forgetOutboxCopy(notice.customerId());
    }
  }

  /**
   * The last email to an erased person (their erasure's confirmation) leaves no copy in the outbox:
   * erasure reaches every file.
   */
  private void forgetOutboxCopy(String customerId) {
    try {
      mail.forgetMessagesAbout(List.of(customerId));
    } catch (IOException e) {
      LOG.warning(() -> "An erased person's outbox folder stays: " + e.getClass().getName());
    }
  }

  /** A fresh code for an unverified request's acknowledgement; the earlier one dies with it. */
  private String code(PrivacyEmail notice, PrivacyRequest request, Instant now) {
    if (notice.kind() != PrivacyEmailKind.ACKNOWLEDGEMENT
        || request == null
        || request.status() != RequestStatus.PENDING_VERIFICATION) {
      return null;
    }
    String code = CodeCheck.newCode();
    request.codeIssued(
        PrivacyRequestService.codeHash(blindIndex, request.id(), code),
        now.plus(settings.codeTtl()));
    return code;
  }

  private String link(PrivacyEmail notice, Instant now) {
    if (notice.kind() != PrivacyEmailKind.LINK) {
      return null;
    }
    String token = new LinkTokens(tokens).issue(notice.customerId(), now.plus(settings.linkTtl()));
    return links.base() + "/privacy/verify?t=" + token;
  }

  private void drop(PrivacyEmail notice, String why) {
    em.remove(notice);
    done(notice, "PRIVACY_EMAIL_SKIPPED", why);
  }

  // Sent by the application itself, whoever's change queued it.
  private void done(PrivacyEmail notice, String action, String detail) {
    audit.recordAs(
        AuditTrail.SYSTEM_ACTOR,
        action,
        notice.customerId(),
        "privacy "
            + notice.kind()
            + (notice.requestId() == null ? "" : " request " + notice.requestId())
            + ": "
            + detail);
  }
}
