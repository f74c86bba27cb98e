package app.custodian.notice.boundary.batch;

import app.custodian.consent.boundary.ConsentChecks;
import app.custodian.customer.boundary.Recipient;
import app.custodian.customer.boundary.Recipients;
import app.custodian.mail.boundary.MailGateway;
import app.custodian.mail.control.MailCategory;
import app.custodian.notice.boundary.NoticeText;
import app.custodian.notice.boundary.NoticeTopic;
import app.custodian.notice.boundary.NoticeTopics;
import app.custodian.notice.control.NoticeDeliveries;
import app.custodian.platform.boundary.JobDatabase;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.util.Optional;

/**
 * Decides, at this moment, whether the customer gets the notice: no row for it yet, still there,
 * and an address that can receive mail (not suppressed as a hard bounce, a complaint or erased; an
 * unsubscribe does not stop a service notice). Then renders it in their language: a service notice,
 * no {@code [QC]}, no unsubscribe link since no purpose governs it. Customers passed over count as
 * filtered, which the report calls skipped.
 */
@Named
@Dependent
public class NoticeProcessor implements ItemProcessor {

  @Inject JobDatabase database;
  @Inject Recipients recipients;
  @Inject ConsentChecks consent;
  @Inject MailGateway mail;
  @Inject NoticeTopics topics;

  @Inject @BatchProperty String kind;
  @Inject @BatchProperty String reference;

  private NoticeTopic topic;
  private NoticeText text;

  @Override
  public Object processItem(Object item) throws Exception {
    String customerId = (String) item;
    try (Connection connection = database.connect()) {
      if (topic == null) {
        topic = topics.of(kind);
        text =
            topic
                .text(connection, reference)
                .orElseThrow(() -> new IllegalStateException("No notice " + reference));
      }
      if (NoticeDeliveries.exists(connection, topic.kind(), reference, customerId)) {
        return null;
      }
      Optional<Recipient> recipient = recipients.read(connection, customerId);
      if (recipient.isEmpty()
          || consent.undeliverable(connection, recipient.get().emailIndex()) != null) {
        return null;
      }
      Recipient to = recipient.get();
      return new NoticeMessage(
          customerId,
          to.emailIndex(),
          mail.composer()
              .compose(to.email(), to.locale(), text.render(to), MailCategory.SERVICE, null)
              .about(customerId));
    }
  }
}
