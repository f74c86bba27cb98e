package app.custodian.consent.boundary;

import app.custodian.consent.entity.ConsentConfirmation;
import app.custodian.consent.entity.ConsentEmail;
import app.custodian.consent.entity.ConsentEmailKind;
import app.custodian.consent.entity.Purpose;
import app.custodian.mail.boundary.MailQueuing;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Queues confirmation emails in the transaction of the change they confirm ({@link MailQueuing});
 * {@link ConsentEmailQueue} sends them after the commit.
 */
@Stateless
public class ConsentEmails {

  @Inject MailQueuing queuing;

  Clock clock = Clock.systemUTC();

  public void enqueue(String customerId, ConsentEmailKind kind, Purpose purpose) {
    queuing.enqueue(new ConsentEmail(customerId, kind, purpose, clock.instant()));
  }

  public void askToConfirm(ConsentConfirmation confirmation) {
    queuing.enqueue(ConsentEmail.askToConfirm(confirmation, clock.instant()));
  }
}
