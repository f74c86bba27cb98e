package app.custodian.returns.boundary;

import app.custodian.returns.control.MailboxAddress;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The settings of mail returns (see api.md, "Mail returns"), read anew for each bean that injects
 * them (each job run).
 */
@Dependent
public class ReturnSettings {

  @Inject
  @ConfigProperty(name = "custodian.returns.mailbox")
  Optional<String> mailbox;

  @Inject
  @ConfigProperty(name = "custodian.returns.processed.folder", defaultValue = "Processed")
  String processedFolder;

  @Inject
  @ConfigProperty(name = "custodian.returns.every", defaultValue = "PT5M")
  String every;

  @Inject
  @ConfigProperty(name = "custodian.soft.bounce.limit", defaultValue = "3")
  int softBounceLimit;

  @Inject
  @ConfigProperty(name = "custodian.soft.bounce.window", defaultValue = "P30D")
  String softBounceWindow;

  @Inject
  @ConfigProperty(name = "custodian.returns.webhook.secret")
  Optional<String> webhookSecret;

  /** The returns mailbox; empty when none is set (no polling). */
  public Optional<MailboxAddress> mailbox() {
    return mailbox.filter(m -> !m.isBlank()).map(MailboxAddress::parse);
  }

  /** Where processed mail goes (IMAP); created if missing. */
  public String processedFolder() {
    return processedFolder.strip();
  }

  public Duration every() {
    return Duration.parse(every.strip());
  }

  public int softBounceLimit() {
    return softBounceLimit;
  }

  public Duration softBounceWindow() {
    return Duration.parse(softBounceWindow.strip());
  }

  /** The webhook's HMAC secret; empty when the webhook is off. */
  public Optional<String> webhookSecret() {
    return webhookSecret.filter(s -> !s.isBlank());
  }
}
