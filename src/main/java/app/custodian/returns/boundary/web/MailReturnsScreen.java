package app.custodian.returns.boundary.web;

import app.custodian.platform.boundary.web.PortalMessages;
import app.custodian.returns.boundary.MailReturnsStarter;
import app.custodian.returns.boundary.ReturnSettings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The "read the returns mailbox" button of {@code /jobs/list.xhtml}, shown when one is set. */
@Named
@RequestScoped
public class MailReturnsScreen {

  @Inject MailReturnsStarter starter;
  @Inject ReturnSettings settings;
  @Inject PortalMessages messages;

  public boolean isAvailable() {
    return settings.mailbox().isPresent();
  }

  public void run() {
    messages
        .attempt(() -> starter.start())
        .ifPresent(execution -> messages.info("jobs.returnsStarted", execution));
  }
}
