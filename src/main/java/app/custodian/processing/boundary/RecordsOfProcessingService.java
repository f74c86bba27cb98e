package app.custodian.processing.boundary;

import app.custodian.customer.entity.DataCategory;
import app.custodian.disclosure.boundary.DisclosureService;
import app.custodian.mail.boundary.MailGateway;
import app.custodian.mail.control.MailSettings;
import app.custodian.platform.boundary.Controller;
import app.custodian.platform.boundary.LocalCalendar;
import app.custodian.processing.boundary.RecordsOfProcessing.ControllerView;
import app.custodian.processing.boundary.RecordsOfProcessing.RetentionView;
import app.custodian.processing.control.ProcessingRecords;
import app.custodian.retention.boundary.RetentionSettings;
import app.custodian.retention.control.RetentionPolicy;
import app.custodian.security.control.PasswordHasher;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The records of processing, generated from this installation's settings and disclosure log. */
@Stateless
public class RecordsOfProcessingService {

  @Inject Controller controller;
  @Inject RetentionSettings retention;
  @Inject LocalCalendar calendar;
  @Inject DisclosureService disclosures;
  @Inject MailGateway mail;

  @Inject
  @ConfigProperty(name = "custodian.nightly.at", defaultValue = "02:00")
  String nightlyAt;

  Clock clock = Clock.systemUTC();

  public RecordsOfProcessing records() {
    RetentionPolicy policy = retention.policy();
    return new RecordsOfProcessing(
        clock.instant(),
        new ControllerView(controller.name(), controller.address(), controller.privacyContact()),
        ProcessingRecords.activities(policy),
        List.of(DataCategory.values()),
        disclosures.recipients(),
        new RetentionView(
            policy.afterContractEnd().toString(),
            policy.leadInactivity().toString(),
            calendar.zone().getId(),
            nightlyAt.strip()),
        securityMeasures(mail.settings()));
  }

  private List<String> securityMeasures(MailSettings smtp) {
    return List.of(
        "Name, email, phone, address, organisation, job title and fax are encrypted at rest with"
            + " AES-256-GCM (key CUSTODIAN_PII_KEY)",
        "Email addresses and phone numbers are found through HMAC-SHA256 blind indexes, and links in"
            + " emails carry HMAC-signed opaque tokens (key CUSTODIAN_TOKEN_KEY)",
        "Staff passwords are stored as PBKDF2-HMAC-SHA256 hashes ("
            + PasswordHasher.DEFAULT_ITERATIONS
            + " iterations); repeated failed logins are slowed down",
        "Role-based access: ADMIN, OPERATOR, MARKETING (never personal data), AUDITOR (read-only)",
        "Every staff read and change of personal data, every email, disclosure, erasure and purge is"
            + " in an append-only, hash-chained audit trail that holds ids only; each entry carries"
            + " an HMAC-SHA256 written with it (key CUSTODIAN_AUDIT_KEY), so an entry the"
            + " application did not write is reported as forged",
        "Personal data is kept out of logs, job parameters and audit entries",
        smtp.usesSmtp()
            ? "Email goes through the SMTP relay "
                + smtp.smtpHost()
                + (smtp.startTls() ? " with STARTTLS required" : " without STARTTLS")
            : "Email is written to the local outbox directory; no SMTP relay is configured",
        "Deletion is complete: erasure and the nightly retention purge remove the person from every"
            + " table and from the outbox; a legal hold blocks deletion and says why to staff;"
            + " closed privacy requests are deleted after CUSTODIAN_REQUESTS_RETENTION");
  }
}
