package app.custodian.renewal.boundary.web;

import app.custodian.platform.boundary.web.PortalMessages;
import app.custodian.renewal.boundary.RenewalReminderRuns;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The "run renewal reminders" button of {@code /jobs/list.xhtml}. */
@Named
@RequestScoped
public class RenewalRemindersScreen {

  @Inject RenewalReminderRuns runs;
  @Inject PortalMessages messages;

  public void run() {
    messages
        .attempt(() -> runs.start())
        .ifPresent(execution -> messages.info("jobs.renewalStarted", execution));
  }
}
