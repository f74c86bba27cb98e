package app.custodian.testing;

import app.custodian.audit.boundary.AuditEntryMacMigration;
import app.custodian.audit.boundary.AuditJournal;
import app.custodian.audit.control.EntryMac;
import app.custodian.bulk.boundary.BulkFiles;
import app.custodian.bulk.boundary.ExportRecords;
import app.custodian.bulk.boundary.ImportChunks;
import app.custodian.bulk.boundary.ImportProgress;
import app.custodian.bulk.boundary.batch.CustomerExportWriter;
import app.custodian.bulk.boundary.batch.ImportEnd;
import app.custodian.bulk.boundary.batch.ImportRowReader;
import app.custodian.bulk.boundary.batch.ImportRowWriter;
import app.custodian.campaign.boundary.CampaignMetrics;
import app.custodian.campaign.boundary.CampaignRendering;
import app.custodian.campaign.boundary.ErasedDeliveries;
import app.custodian.campaign.boundary.batch.CampaignMessageProcessor;
import app.custodian.campaign.boundary.batch.CampaignMessageWriter;
import app.custodian.campaign.boundary.batch.CampaignRecipientReader;
import app.custodian.campaign.boundary.batch.CampaignRunListener;
import app.custodian.campaign.boundary.batch.CampaignRunStart;
import app.custodian.campaign.boundary.batch.CampaignTally;
import app.custodian.consent.boundary.ConsentChecks;
import app.custodian.consent.boundary.ConsentGrants;
import app.custodian.consent.boundary.ConsentLinks;
import app.custodian.consent.boundary.ConsentWithdrawals;
import app.custodian.consent.boundary.ErasedAddresses;
import app.custodian.consent.boundary.LegacySuppressions;
import app.custodian.customer.boundary.CustomerBatch;
import app.custodian.customer.boundary.CustomerDeletions;
import app.custodian.customer.boundary.OutboxCleanup;
import app.custodian.customer.boundary.Recipients;
import app.custodian.delivery.boundary.DeliveryPipeline;
import app.custodian.delivery.boundary.ReturnPaths;
import app.custodian.incident.boundary.BreachNoticeReport;
import app.custodian.incident.boundary.IncidentNotices;
import app.custodian.jobs.boundary.BatchRepository;
import app.custodian.jobs.boundary.JobLiveness;
import app.custodian.jobs.boundary.JobTakeover;
import app.custodian.jobs.boundary.NodeFence;
import app.custodian.jobs.boundary.RunningJobs;
import app.custodian.jobs.boundary.RunningJobsListener;
import app.custodian.mail.boundary.MailGateway;
import app.custodian.notice.boundary.NoticeTopics;
import app.custodian.notice.boundary.batch.NoticeProcessor;
import app.custodian.notice.boundary.batch.NoticeRecipientReader;
import app.custodian.notice.boundary.batch.NoticeRunStart;
import app.custodian.notice.boundary.batch.NoticeWriter;
import app.custodian.platform.boundary.Controller;
import app.custodian.platform.boundary.LocalCalendar;
import app.custodian.platform.boundary.Nodes;
import app.custodian.policy.boundary.PolicyNoticeReport;
import app.custodian.policy.boundary.PolicyNotices;
import app.custodian.privacy.boundary.PrivacySettings;
import app.custodian.privacy.boundary.batch.RequestExpiry;
import app.custodian.renewal.boundary.RenewalSettings;
import app.custodian.renewal.boundary.batch.DueContractReader;
import app.custodian.renewal.boundary.batch.ReminderProcessor;
import app.custodian.renewal.boundary.batch.ReminderRunStart;
import app.custodian.renewal.boundary.batch.ReminderWriter;
import app.custodian.retention.boundary.PreviewCleanup;
import app.custodian.retention.boundary.RetentionSettings;
import app.custodian.retention.boundary.batch.PurgeCandidateReader;
import app.custodian.retention.boundary.batch.PurgeWriter;
import app.custodian.returns.boundary.ReturnActions;
import app.custodian.returns.boundary.ReturnMetrics;
import app.custodian.returns.boundary.ReturnSettings;
import app.custodian.returns.boundary.batch.ReturnClassification;
import app.custodian.returns.boundary.batch.ReturnWriter;
import app.custodian.returns.boundary.batch.ReturnedMailReader;
import app.custodian.security.boundary.IndexKeyMigration;
import app.custodian.security.boundary.Keys;
import app.custodian.security.boundary.batch.EncryptedRowReader;
import app.custodian.security.boundary.batch.ReencryptionAudit;
import app.custodian.security.boundary.batch.ReencryptionProcessor;
import app.custodian.security.boundary.batch.ReencryptionWriter;
import app.custodian.security.control.BlindIndex;
import app.custodian.security.control.FieldCipher;
import app.custodian.security.control.KeyMaterial;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.batch.runtime.JobExecution;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.flywaydb.core.Flyway;

/**
 * The one bed every batch job test lies in: JBeret SE runs a single Weld container per JVM and
 * surefire runs all test classes in one JVM, so PostgreSQL (one database, migrated with Flyway), a
 * GreenMail SMTP server and {@link JobsOnJBeret} with the artifacts of all jobs start once, on the
 * first {@link #get()}, and stop only when the JVM exits. Each test class empties the tables it
 * uses before each test.
 */
public final class JobTestbed {

  public static final Duration TIMEOUT = Duration.ofSeconds(60);

  /** The zone in which the jobs count days (CUSTODIAN_ZONE). */
  public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  public static final String MAIL_FROM = "news@custodian.test";

  /** CUSTODIAN_BOUNCE_ADDRESS: each message's envelope sender is bounces+TOKEN@custodian.test. */
  public static final String BOUNCE_ADDRESS = "bounces@custodian.test";

  public static final String BASE_URL = "https://custodian.test";
  public static final String PRIVACY_CONTACT = "privacy@custodian.test";

  /** The batch artifacts of every job in batch-jobs/, and the beans they need. */
  static final List<Class<?>> BEANS =
      List.of(
          // shared
          Keys.class,
          MailGateway.class,
          Controller.class,
          DeliveryPipeline.class,
          ReturnPaths.class,
          ConsentLinks.class,
          ConsentChecks.class,
          Recipients.class,
          AuditJournal.class,
          RunningJobs.class,
          RunningJobsListener.class,
          Nodes.class,
          JobLiveness.class,
          JobTakeover.class,
          BatchRepository.class,
          NodeFence.class,
          // newsletter-send
          CampaignMetrics.class,
          CampaignRunListener.class,
          CampaignRunStart.class,
          CampaignRecipientReader.class,
          CampaignMessageProcessor.class,
          CampaignRendering.class,
          CampaignMessageWriter.class,
          CampaignTally.class,
          // renewal-reminders
          LocalCalendar.class,
          RenewalSettings.class,
          ReminderRunStart.class,
          DueContractReader.class,
          ReminderProcessor.class,
          ReminderWriter.class,
          // retention-purge
          RetentionSettings.class,
          CustomerDeletions.class,
          ErasedDeliveries.class,
          ErasedAddresses.class,
          PreviewCleanup.class,
          OutboxCleanup.class,
          PurgeCandidateReader.class,
          PurgeWriter.class,
          PrivacySettings.class,
          RequestExpiry.class,
          // policy-notice and breach-notice
          NoticeTopics.class,
          NoticeRunStart.class,
          NoticeRecipientReader.class,
          NoticeProcessor.class,
          NoticeWriter.class,
          PolicyNotices.class,
          PolicyNoticeReport.class,
          IncidentNotices.class,
          BreachNoticeReport.class,
          // pii-reencrypt
          EncryptedRowReader.class,
          ReencryptionProcessor.class,
          ReencryptionWriter.class,
          ReencryptionAudit.class,
          // mail-returns
          ConsentWithdrawals.class,
          ReturnSettings.class,
          ReturnActions.class,
          ReturnMetrics.class,
          ReturnedMailReader.class,
          ReturnClassification.class,
          ReturnWriter.class,
          // customer-import
          BulkFiles.class,
          CustomerBatch.class,
          ConsentGrants.class,
          LegacySuppressions.class,
          ImportProgress.class,
          ImportChunks.class,
          ImportRowReader.class,
          ImportRowWriter.class,
          ImportEnd.class,
          // customer-export
          ExportRecords.class,
          CustomerExportWriter.class);

  private static JobTestbed bed;

  private final Postgres postgres;
  private final String databaseUrl;
  private final Path dataDir;
  private final String auditKey = TestKeys.random();
  private final String piiKey = TestKeys.random();
  private final String tokenKey = TestKeys.random();
  private final String indexKey = TestKeys.random();

  /**
   * A PII key the jobs still read but never write with (CUSTODIAN_PII_RETIRED_KEYS): a test writes
   * values under it to have them re-encrypted.
   */
  public static final String RETIRED_PII_KEY = TestKeys.random();

  private final int smtpPort;
  private volatile GreenMail smtp;

  private JobTestbed() throws Exception {
    dataDir = Files.createTempDirectory("custodian-jobs");
    postgres = Postgres.start();
    databaseUrl = postgres.createDatabase();
    Flyway.configure()
        .dataSource(databaseUrl, postgres.user(), postgres.password())
        .locations("classpath:db/migration")
        .javaMigrations(
            new AuditEntryMacMigration(new EntryMac(Base64.getDecoder().decode(auditKey))),
            new IndexKeyMigration(null) {
              @Override
              public void migrate(org.flywaydb.core.api.migration.Context context)
                  throws SQLException {
                KeyMaterial keys =
                    KeyMaterial.resolve(piiKey, tokenKey, indexKey, dataDir, w -> {});
                IndexKeyMigration.migrate(
                    context.getConnection(),
                    keys.fieldCipher(),
                    keys.blindIndex(),
                    keys.tokenDerivedIndexKey());
              }
            })
        .load()
        .migrate();
    try (ServerSocket socket = new ServerSocket(0)) {
      smtpPort = socket.getLocalPort();
    }
    smtp = newSmtp();
    JobsOnJBeret.start(
        databaseUrl,
        postgres.user(),
        postgres.password(),
        settings(),
        BEANS.toArray(Class<?>[]::new));
  }

  /** The test bed, started on the first call in this JVM. */
  public static synchronized JobTestbed get() {
    if (bed == null) {
      try {
        bed = new JobTestbed();
      } catch (Exception e) {
        throw new IllegalStateException("Could not start the job test bed", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(bed::stop, "job-testbed-stop"));
    }
    return bed;
  }

  private Map<String, String> settings() {
    Map<String, String> settings = new HashMap<>();
    settings.put("custodian.data.dir", dataDir.toString());
    settings.put("custodian.pii.key", piiKey);
    settings.put("custodian.pii.retired.keys", RETIRED_PII_KEY);
    settings.put("custodian.token.key", tokenKey);
    settings.put("custodian.index.key", indexKey);
    settings.put("custodian.audit.key", auditKey);
    settings.put("custodian.smtp.host", "127.0.0.1");
    settings.put("custodian.smtp.port", String.valueOf(smtpPort));
    settings.put("custodian.smtp.starttls", "false");
    settings.put("custodian.mail.from", MAIL_FROM);
    settings.put("custodian.bounce.address", BOUNCE_ADDRESS);
    settings.put("custodian.company.name", "Công ty Lưu Trữ");
    settings.put("custodian.company.address", "12 Lý Thường Kiệt, Hà Nội");
    settings.put("custodian.base.url", BASE_URL);
    settings.put("custodian.zone", ZONE.getId());
    settings.put("custodian.privacy.contact", PRIVACY_CONTACT);
    // newsletter-send; custodian.send.rate is read per run, so a test may change it meanwhile
    settings.put("custodian.send.threads", "4");
    settings.put("custodian.send.rate", "0");
    settings.put("custodian.send.retries", "2");
    settings.put("custodian.send.retry.after", "PT0.1S");
    settings.put("custodian.ad.cap.per.24h", "3");
    // renewal-reminders
    settings.put("custodian.renewal.offsets", "30,7,1");
    // retention-purge
    settings.put("custodian.retention.after.contract.end", "P90D");
    settings.put("custodian.retention.lead.inactivity", "P730D");
    return settings;
  }

  /** "Today" as the jobs see it: in {@link #ZONE}. */
  public static LocalDate today() {
    return LocalDate.now(ZONE);
  }

  /** A new connection to the test database, in auto-commit mode; the caller closes it. */
  public Connection connect() throws SQLException {
    return postgres.connect(databaseUrl);
  }

  /** Seeds writing through the connection with the keys the jobs use. */
  public DatabaseSeeds seeds(Connection connection) {
    return new DatabaseSeeds(
        connection, JobsOnJBeret.bean(FieldCipher.class), JobsOnJBeret.bean(BlindIndex.class));
  }

  /** Empties the tables (and those referring to them) and every mailbox. */
  public void empty(Connection connection, String... tables) throws Exception {
    try (Statement s = connection.createStatement()) {
      s.execute("truncate " + String.join(", ", tables) + " cascade");
    }
    smtp.purgeEmailFromAllMailboxes();
  }

  /** The SMTP server now running (a new one after {@link #restartSmtp()}). */
  public GreenMail smtp() {
    return smtp;
  }

  /** Stops the SMTP server: the jobs find nobody listening on its port. */
  public void stopSmtp() {
    smtp.stop();
  }

  /** A new, empty SMTP server on the same port, in place of a stopped one. */
  public GreenMail restartSmtp() {
    smtp.stop();
    smtp = newSmtp();
    return smtp;
  }

  public JobExecution run(String job, Properties parameters) {
    return JobsOnJBeret.awaitEnd(JobsOnJBeret.start(job, parameters), TIMEOUT);
  }

  private GreenMail newSmtp() {
    GreenMail server =
        new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    return server;
  }

  private void stop() {
    smtp.stop();
    try {
      postgres.close();
      Files.deleteIfExists(dataDir.resolve("imports"));
      Files.deleteIfExists(dataDir.resolve("exports"));
      Files.deleteIfExists(dataDir); // empty: the keys are given, the mail goes over SMTP
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
