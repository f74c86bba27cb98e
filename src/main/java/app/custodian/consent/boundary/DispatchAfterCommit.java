package app.custodian.consent.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** Starts sending as soon as the transaction that queued a confirmation has committed. */
@ApplicationScoped
public class DispatchAfterCommit {

  @Inject NoticeDispatcher dispatcher;

  void dispatch(@Observes(during = TransactionPhase.AFTER_SUCCESS) NoticeQueued event) {
    dispatcher.dispatchSoon();
  }
}
