package app.custodian.privacy.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** Starts sending as soon as the transaction that queued an email about a request has committed. */
@ApplicationScoped
public class PrivacyDispatchAfterCommit {

  @Inject PrivacyNoticeDispatcher dispatcher;

  void dispatch(@Observes(during = TransactionPhase.AFTER_SUCCESS) PrivacyNoticeQueued event) {
    dispatcher.dispatchSoon();
  }
}
