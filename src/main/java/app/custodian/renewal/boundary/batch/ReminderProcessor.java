package app.custodian.renewal.boundary.batch;

import app.custodian.consent.boundary.ConsentChecks;
import app.custodian.consent.boundary.ConsentLinks;
import app.custodian.consent.entity.Purpose;
import app.custodian.customer.boundary.Recipient;
import app.custodian.customer.boundary.Recipients;
import app.custodian.mail.boundary.MailGateway;
import app.custodian.mail.control.MailCategory;
import app.custodian.mail.control.MailTemplates;
import app.custodian.mail.control.OutboundMail;
import app.custodian.mail.control.UnsubscribeLinks;
import app.custodian.platform.boundary.JobDatabase;
import app.custodian.renewal.control.DueContract;
import app.custodian.renewal.control.Reminders;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, at this moment, whether the customer gets the reminder: not reminded for this offset
 * yet, still there, {@code RENEWAL_REMINDER} granted, address not suppressed; then renders it (a
 * service notice: no {@code [QC]}, with the unsubscribe links of its purpose).
 */
@Named
@Dependent
public class ReminderProcessor implements ItemProcessor {

  private static final String TEMPLATE = "renewal-reminder";
  private static final DateTimeFormatter VI_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter EN_DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  @Inject JobDatabase database;
  @Inject Recipients recipients;
  @Inject ConsentChecks consent;
  @Inject ConsentLinks links;
  @Inject MailGateway mail;

  @Override
  public Object processItem(Object item) throws Exception {
    DueContract contract = (DueContract) item;
    try (Connection connection = database.connect()) {
      if (Reminders.exists(connection, contract.contractId(), contract.offsetDays())) {
        return null;
      }
      Optional<Recipient> recipient = recipients.read(connection, contract.customerId());
      if (recipient.isEmpty()) {
        return null;
      }
      ConsentChecks.Permission permission =
          consent.permission(
              connection,
              contract.customerId(),
              recipient.get().emailIndex(),
              Purpose.RENEWAL_REMINDER);
      if (permission.grantingEvent() == null || permission.suppressedAs() != null) {
        return null;
      }
      return new ReminderMessage(
          contract,
          permission.grantingEvent(),
          recipient.get().emailIndex(),
          render(contract, recipient.get()));
    }
  }

  private OutboundMail render(DueContract contract, Recipient recipient) {
    UnsubscribeLinks personal = links.forPurpose(recipient.customerId(), Purpose.RENEWAL_REMINDER);
    var content =
        MailTemplates.load(TEMPLATE, recipient.locale())
            .render(
                Map.of(
                    "fullName", recipient.fullName(),
                    "reference", contract.reference(),
                    "service", contract.service(),
                    "lastDay",
                        ("en".equals(recipient.locale()) ? EN_DATE : VI_DATE)
                            .format(contract.lastDay()),
                    "daysLeft", contract.daysLeft(),
                    "unsubscribeUrl", personal.url(),
                    "preferencesUrl", personal.preferencesUrl()));
    return mail.composer()
        .compose(recipient.email(), recipient.locale(), content, MailCategory.SERVICE, personal)
        .about(recipient.customerId());
  }
}
