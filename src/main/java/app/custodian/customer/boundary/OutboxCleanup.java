package app.custodian.customer.boundary;

import app.custodian.mail.boundary.MailGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Collection;

/**
 * The outbox keeps each message about a customer in their own folder: once their deletion has
 * committed, the folder goes with them. A rolled-back deletion leaves it whole.
 */
@ApplicationScoped
public class OutboxCleanup implements CustomerDeletionListener {

  @Inject MailGateway mail;

  @Override
  public void afterDeletion(Collection<String> customerIds) throws IOException {
    mail.forgetMessagesAbout(customerIds);
  }
}
