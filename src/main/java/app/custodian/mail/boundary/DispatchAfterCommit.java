package app.custodian.mail.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** Starts sending as soon as the transaction that queued an email has committed. */
@ApplicationScoped
public class DispatchAfterCommit {

  @Inject MailDispatcher dispatcher;

  void dispatch(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailQueued event) {
    dispatcher.dispatchSoon();
  }
}
