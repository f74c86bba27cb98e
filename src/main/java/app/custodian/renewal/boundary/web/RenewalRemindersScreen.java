package app.custodian.renewal.boundary.web;

import app.custodian.platform.boundary.web.PortalMessages;
import app.custodian.renewal.boundary.RenewalRemindersStarter;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The "run renewal reminders" button of {@code /jobs/list.xhtml}. */
@Named
@RequestScoped
public class RenewalRemindersScreen {

  @Inject RenewalRemindersStarter starter;
  @Inject PortalMessages messages;

  public void run() {
    messages
        .attempt(() -> starter.start())
        .ifPresent(execution -> messages.info("jobs.renewalStarted", execution));
  }
}
