package app.custodian.mail.boundary;

import app.custodian.mail.control.MailComposer;
import app.custodian.mail.control.MailRejectedException;
import app.custodian.mail.control.MailSettings;
import app.custodian.mail.control.MailStreams;
import app.custodian.mail.control.MailTransport;
import app.custodian.mail.control.MailUnavailableException;
import app.custodian.mail.control.OutboundMail;
import app.custodian.mail.control.OutboxDirectory;
import app.custodian.mail.control.ReturnAddresses;
import app.custodian.mail.control.Sender;
import app.custodian.platform.boundary.Controller;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The application's one way out for email, configured from {@code CUSTODIAN_SMTP_*}, {@code
 * CUSTODIAN_MAIL_FROM} and the company identity; without an SMTP host, messages land in {@code
 * <data dir>/outbox}.
 */
@ApplicationScoped
public class MailGateway {

  private static final Logger LOG = Logger.getLogger(MailGateway.class.getName());

  @Inject
  @ConfigProperty(name = "custodian.smtp.host")
  Optional<String> smtpHost;

  @Inject
  @ConfigProperty(name = "custodian.smtp.port")
  int smtpPort;

  @Inject
  @ConfigProperty(name = "custodian.smtp.user")
  Optional<String> smtpUser;

  @Inject
  @ConfigProperty(name = "custodian.smtp.password")
  Optional<String> smtpPassword;

  @Inject
  @ConfigProperty(name = "custodian.smtp.starttls")
  boolean startTls;

  @Inject
  @ConfigProperty(name = "custodian.mail.from")
  String from;

  @Inject
  @ConfigProperty(name = "custodian.data.dir")
  String dataDir;

  @Inject
  @ConfigProperty(name = "custodian.bounce.address")
  Optional<String> bounceAddress;

  @Inject
  @ConfigProperty(name = "custodian.returns.mailbox")
  Optional<String> returnsMailbox;

  @Inject
  @ConfigProperty(name = "custodian.returns.address")
  Optional<String> returnsAddress;

  @Inject Controller controller;

  @Inject
  @ConfigProperty(name = "custodian.send.threads")
  int sendThreads;

  private MailSettings settings;
  private Sender sender;
  private MailComposer composer;
  private MailTransport transport;
  private ReturnAddresses returnAddresses;

  @PostConstruct
  void start() {
    settings =
        new MailSettings(
            smtpHost.map(String::strip).orElse(null),
            smtpPort,
            smtpUser.orElse(null),
            smtpPassword.orElse(null),
            startTls,
            from,
            Path.of(dataDir).resolve("outbox"));
    sender = new Sender(controller.name(), controller.address(), from);
    returnAddresses =
        ReturnAddresses.resolve(
            bounceAddress, returnsMailbox, returnsAddress, settings.fromAddress());
    composer = new MailComposer(sender);
    transport = new MailTransport(settings, Math.max(1, sendThreads));
    if (sender.companyAddress().isEmpty()) {
      LOG.warning(
          "CUSTODIAN_COMPANY_ADDRESS is not set: email footers carry no postal address, which"
              + " Decree 91/2020 requires");
    }
    LOG.info(
        settings.usesSmtp()
            ? "Mail goes to the SMTP relay " + settings.smtpHost() + ":" + settings.smtpPort()
            : "Mail is written to " + settings.outboxDir().toAbsolutePath());
  }

  void atStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    MailStreams.nameTheProvider();
    settings(); // reads the settings and warns now rather than at the first email
  }

  @PreDestroy
  void stop() {
    transport.close();
  }

  public MailSettings settings() {
    return settings;
  }

  public Sender sender() {
    return sender;
  }

  public MailComposer composer() {
    return composer;
  }

  /** The bounce address and the address of unsubscribe emails. */
  public ReturnAddresses returnAddresses() {
    return returnAddresses;
  }

  /**
   * Sends one message, with the bounce address (if set) as its envelope sender, and answers its
   * Message-ID.
   *
   * @see MailTransport#send(OutboundMail, String)
   */
  public String send(OutboundMail mail) throws MailRejectedException, MailUnavailableException {
    return send(mail, returnAddresses.bounceAddress());
  }

  /**
   * Sends one message with its own envelope sender (SMTP {@code MAIL FROM}; null: the {@code From}
   * address) and answers its Message-ID.
   */
  public String send(OutboundMail mail, String envelopeSender)
      throws MailRejectedException, MailUnavailableException {
    String messageId = transport.send(mail, envelopeSender);
    LOG.fine(() -> "Sent the message " + messageId);
    return messageId;
  }

  /**
   * Deletes the outbox's messages about these customers, whether or not mail goes there now (it may
   * hold messages from a time without an SMTP relay).
   *
   * @return how many messages went
   */
  public int forgetMessagesAbout(Collection<String> customerIds) throws IOException {
    return new OutboxDirectory(settings.outboxDir()).forget(customerIds);
  }
}
