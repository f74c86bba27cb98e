package app.custodian.consent.boundary;

import app.custodian.consent.entity.ConsentConfirmation;
import app.custodian.consent.entity.ConsentNotice;
import app.custodian.consent.entity.NoticeKind;
import app.custodian.consent.entity.Purpose;
import app.custodian.mail.boundary.MailQueuing;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Queues confirmation emails in the transaction of the change they confirm ({@link MailQueuing});
 * {@link ConsentNoticeQueue} sends them after the commit.
 */
@Stateless
public class ConsentNotices {

  @Inject MailQueuing queuing;

  Clock clock = Clock.systemUTC();

  public void enqueue(String customerId, NoticeKind kind, Purpose purpose) {
    queuing.enqueue(new ConsentNotice(customerId, kind, purpose, clock.instant()));
  }

  public void askToConfirm(ConsentConfirmation confirmation) {
    queuing.enqueue(ConsentNotice.askToConfirm(confirmation, clock.instant()));
  }
}
