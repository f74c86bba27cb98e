package app.custodian.renewal.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.testing.JobTestCase;
import app.custodian.testing.JobTestbed;
import app.custodian.testing.JobsOnJBeret;
import app.custodian.testing.Queries;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code renewal-reminders} job on JBeret SE against real PostgreSQL and a real SMTP server
 * (GreenMail): who is reminded, on which day, once, and what the reminder looks like. Contract
 * dates count from "today" in CUSTODIAN_ZONE, as the job's do; offsets are 30,7,1.
 */
class RenewalRemindersJobTest extends JobTestCase {

  static final String JOB = "renewal-reminders";
  static final String PURPOSE = "RENEWAL_REMINDER";

  LocalDate today;

  @BeforeEach
  void emptyDatabase() throws Exception {
    bed.empty(
        db,
        "renewal_reminder",
        "contract",
        "consent_event",
        "consent_state",
        "suppression",
        "customer",
        "audit_entry");
    today = JobTestbed.today();
  }

  @Test
  void remindsOnlyCustomersWhoGrantedRenewalRemindersAndAreNotSuppressed() throws Exception {
    String grantedVi = customerWithContract("granted-vi@example.vn", "vi", 7);
    seeds.consent(grantedVi, PURPOSE, true);
    String grantedEn = customerWithContract("granted-en@example.vn", "en", 7);
    seeds.consent(grantedEn, PURPOSE, true);
    String newsletterSuppressed = customerWithContract("nl-suppressed@example.vn", "vi", 7);
    seeds.consent(newsletterSuppressed, PURPOSE, true);
    seeds.suppress("nl-suppressed@example.vn", "NEWSLETTER"); // another purpose: still reminded
    String withdrawn = customerWithContract("withdrawn@example.vn", "vi", 7);
    seeds.consent(withdrawn, PURPOSE, true);
    seeds.consent(withdrawn, PURPOSE, false);
    String otherPurpose = customerWithContract("newsletter-only@example.vn", "vi", 7);
    seeds.consent(otherPurpose, "NEWSLETTER", true);
    customerWithContract("never@example.vn", "vi", 7);
    String suppressedAll = customerWithContract("suppressed-all@example.vn", "vi", 7);
    seeds.consent(suppressedAll, PURPOSE, true);
    seeds.suppress("suppressed-all@example.vn", "ALL");
    String suppressedForReminders = customerWithContract("suppressed-rr@example.vn", "vi", 7);
    seeds.consent(suppressedForReminders, PURPOSE, true);
    seeds.suppress("suppressed-rr@example.vn", PURPOSE);

    JobExecution run = run(2);

    assertEquals(BatchStatus.COMPLETED, run.getBatchStatus());
    assertEquals(
        List.of("granted-en@example.vn", "granted-vi@example.vn", "nl-suppressed@example.vn"),
        recipients(bed.smtp().getReceivedMessages()).stream().sorted().toList());
    assertEquals(8, metric(run, Metric.MetricType.READ_COUNT));
    assertEquals(5, metric(run, Metric.MetricType.FILTER_COUNT));
    assertEquals(3, metric(run, Metric.MetricType.WRITE_COUNT));
    assertEquals(
        List.of(grantedEn, grantedVi, newsletterSuppressed).stream().sorted().toList(),
        Queries.column(
            db, "select customer_id from renewal_reminder where status = 'SENT' order by 1"));
    assertEquals(3, Queries.count(db, "select count(*) from renewal_reminder"));
  }

  @Test
  void remindsOnEachOffsetDayCatchesUpAMissedOneAndNeverTwice() throws Exception {
    String in30 = grantedWithContract("in-30@example.vn", 30);
    String in7 = grantedWithContract("in-7@example.vn", 7);
    String in1 = grantedWithContract("in-1@example.vn", 1);
    String lastDayToday = grantedWithContract("in-0@example.vn", 0);
    String missed7 = grantedWithContract("in-5-missed@example.vn", 5);
    String sent7 = grantedWithContract("in-5-reminded@example.vn", 5);
    String sent7Event = eventOf(sent7);
    seeds.renewalReminderSent(
        contractOf(sent7), 7, sent7, sent7Event, Instant.now().minusSeconds(2 * 86_400));
    grantedWithContract("in-40@example.vn", 40);
    grantedWithContract("in-31@example.vn", 31);
    grantedWithContract("ended-yesterday@example.vn", -1);
    String terminated = grantedWithContract("terminated@example.vn", 7);
    seeds.execute(
        "update contract set ended_on = ? where customer_id = ?", today.minusDays(3), terminated);

    JobExecution run = run(3);

    assertEquals(BatchStatus.COMPLETED, run.getBatchStatus());
    assertEquals(
        List.of(
            "in-0@example.vn",
            "in-1@example.vn",
            "in-30@example.vn",
            "in-5-missed@example.vn",
            "in-7@example.vn"),
        recipients(bed.smtp().getReceivedMessages()).stream().sorted().toList());
    List<String> expected =
        new ArrayList<>(
            List.of(
                contractOf(in30) + " 30 SENT",
                contractOf(in7) + " 7 SENT",
                contractOf(in1) + " 1 SENT",
                contractOf(lastDayToday) + " 1 SENT",
                contractOf(missed7) + " 7 SENT",
                contractOf(sent7) + " 7 SENT"));
    assertEquals(
        expected.stream().sorted().toList(),
        Queries.rows(
            db, "select contract_id, offset_days, status from renewal_reminder order by 1, 2"));
    // in the window (0 to 30 days, not terminated): 30, 7, 1, 0, 5, 5; the reminded one filtered
    assertEquals(6, metric(run, Metric.MetricType.READ_COUNT));
    assertEquals(1, metric(run, Metric.MetricType.FILTER_COUNT));
    assertEquals(5, metric(run, Metric.MetricType.WRITE_COUNT));

    JobExecution again = run(3);

    assertEquals(BatchStatus.COMPLETED, again.getBatchStatus());
    assertEquals(5, bed.smtp().getReceivedMessages().length, "a second run mails nobody");
    assertEquals(6, metric(again, Metric.MetricType.READ_COUNT));
    assertEquals(6, metric(again, Metric.MetricType.FILTER_COUNT));
    assertEquals(0, metric(again, Metric.MetricType.WRITE_COUNT));
    assertEquals(6, Queries.count(db, "select count(*) from renewal_reminder"));
  }

  @Test
  void theReminderIsAnAuditedServiceNoticeWithOneClickUnsubscribe() throws Exception {
    String customer = seeds.customer("Phạm Thị Hoa", "hoa@example.vn", "vi");
    String contract =
        seeds.contract(customer, "HD-2024-07", today.minusYears(1), today.plusDays(7), null);
    String grant = seeds.consent(customer, PURPOSE, true);

    JobExecution run = run(10);

    assertEquals(BatchStatus.COMPLETED, run.getBatchStatus());
    MimeMessage[] received = bed.smtp().getReceivedMessages();
    assertEquals(1, received.length);
    MimeMessage message = received[0];
    assertEquals("hoa@example.vn", recipient(message));
    String lastDay = DateTimeFormatter.ofPattern("dd/MM/yyyy").format(today.plusDays(7));
    assertEquals("Hợp đồng HD-2024-07 sẽ hết hạn ngày " + lastDay, message.getSubject());
    assertFalse(message.getSubject().contains("[QC]"), "a service notice is no advertising");
    String listUnsubscribe = message.getHeader("List-Unsubscribe", null);
    assertNotNull(listUnsubscribe);
    assertTrue(
        listUnsubscribe.startsWith("<" + JobTestbed.BASE_URL + "/unsubscribe?t="), listUnsubscribe);
    assertFalse(
        listUnsubscribe.contains("mailto:"),
        "no returns mailbox is read, so no mailto: " + listUnsubscribe);
    assertEquals("List-Unsubscribe=One-Click", message.getHeader("List-Unsubscribe-Post", null));
    assertEquals(
        List.of(customer, "7", "SENT", grant, message.getMessageID()),
        Queries.row(
            db,
            "select customer_id, offset_days, status, consent_event_id, message_id"
                + " from renewal_reminder where contract_id = ?",
            contract));
    assertEquals(
        List.of("EMAIL_SENT " + customer),
        Queries.rows(
            db,
            "select action, customer_id from audit_entry where detail = ?",
            "renewal reminder, contract " + contract + ", 7 days: " + message.getMessageID()));
  }

  @Test
  void whenSmtpIsDownTheRunFailsGivesItsClaimsBackAndARestartSendsEachOnce() throws Exception {
    grantedWithContract("earlier-1@example.vn", 7);
    grantedWithContract("earlier-2@example.vn", 30);
    JobExecution earlier = run(2);
    assertEquals(BatchStatus.COMPLETED, earlier.getBatchStatus());
    List<String> before = recipients(bed.smtp().getReceivedMessages());
    assertEquals(2, before.size());
    List<String> waiting = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String email = "waiting-" + i + "@example.vn";
      grantedWithContract(email, 1 + i);
      waiting.add(email);
    }

    bed.stopSmtp();
    long execution = JobsOnJBeret.start(JOB, parameters(2));
    JobExecution failed = JobsOnJBeret.awaitEnd(execution, JobTestbed.TIMEOUT);

    assertEquals(BatchStatus.FAILED, failed.getBatchStatus());
    assertEquals(
        0, Queries.count(db, "select count(*) from renewal_reminder where status = 'PENDING'"));
    assertEquals(
        List.of("SENT", "SENT"), Queries.column(db, "select status from renewal_reminder"));

    bed.restartSmtp();
    long restarted = JobsOnJBeret.operator().restart(execution, new Properties());
    JobExecution done = JobsOnJBeret.awaitEnd(restarted, JobTestbed.TIMEOUT);

    assertEquals(BatchStatus.COMPLETED, done.getBatchStatus());
    List<String> after = recipients(bed.smtp().getReceivedMessages());
    assertEquals(waiting, after.stream().sorted().toList(), "each waiting reminder, once");
    assertEquals(
        7, Queries.count(db, "select count(*) from renewal_reminder where status = 'SENT'"));
    assertEquals(7, Queries.count(db, "select count(*) from renewal_reminder"));
  }

  // --- helpers

  /** A customer (no consent yet) with a running contract whose last day is that far away. */
  String customerWithContract(String email, String locale, int daysLeft) throws Exception {
    String id = seeds.customer("Khách " + email, email, locale);
    seeds.contract(id, "HD-" + email, today.minusYears(1), today.plusDays(daysLeft), null);
    return id;
  }

  String grantedWithContract(String email, int daysLeft) throws Exception {
    String id = customerWithContract(email, "vi", daysLeft);
    seeds.consent(id, PURPOSE, true);
    return id;
  }

  static String contractOf(String customerId) throws Exception {
    return Queries.row(db, "select id from contract where customer_id = ?", customerId).get(0);
  }

  static String eventOf(String customerId) throws Exception {
    return Queries.row(
            db,
            "select event_id from consent_state where customer_id = ? and purpose = ?",
            customerId,
            PURPOSE)
        .get(0);
  }

  static Properties parameters(int chunkSize) {
    Properties parameters = new Properties();
    parameters.setProperty("chunkSize", String.valueOf(chunkSize));
    return parameters;
  }

  static JobExecution run(int chunkSize) {
    return bed.run(JOB, parameters(chunkSize));
  }

  static long metric(JobExecution execution, Metric.MetricType type) {
    return JobsOnJBeret.metric(execution, "remind", type);
  }

  static List<String> recipients(MimeMessage[] messages) {
    return Arrays.stream(messages).map(RenewalRemindersJobTest::recipient).toList();
  }

  static String recipient(MimeMessage message) {
    try {
      return message.getRecipients(Message.RecipientType.TO)[0].toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
