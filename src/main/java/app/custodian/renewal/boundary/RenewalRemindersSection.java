package app.custodian.renewal.boundary;

import app.custodian.customer.boundary.CustomerDataSection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The renewal reminders sent to the person, in their export and their correspondence. */
@ApplicationScoped
public class RenewalRemindersSection implements CustomerDataSection {

  @Inject ReminderHistory reminders;

  @Override
  public String name() {
    return "renewalReminders";
  }

  @Override
  public List<ReminderSent> of(String customerId, String locale) {
    return reminders.remindersTo(customerId);
  }

  @Override
  public boolean isCorrespondence() {
    return true;
  }
}
