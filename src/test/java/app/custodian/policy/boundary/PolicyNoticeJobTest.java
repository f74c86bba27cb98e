package app.custodian.policy.boundary;

import static app.custodian.testing.ReceivedMail.recipient;
import static app.custodian.testing.ReceivedMail.recipients;
import static app.custodian.testing.ReceivedMail.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.testing.JobTestCase;
import app.custodian.testing.JobTestbed;
import app.custodian.testing.JobsOnJBeret;
import app.custodian.testing.Queries;
import app.custodian.testing.ReceivedMail;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code policy-notice} job on JBeret SE against real PostgreSQL and a real SMTP server
 * (GreenMail): every live customer once, in their language, as a service notice; only addresses
 * that cannot receive mail are skipped; restartable without sending anyone two.
 */
class PolicyNoticeJobTest extends JobTestCase {

  static final String VERSION = "2026-12";
  static final LocalDate EFFECTIVE = LocalDate.of(2026, 12, 1);

  @BeforeEach
  void emptyDatabase() throws Exception {
    bed.empty(
        db,
        "notice_delivery",
        "policy_version",
        "consent_event",
        "consent_state",
        "suppression",
        "customer",
        "audit_entry");
  }

  @Test
  void everyLiveCustomerGetsOneServiceNoticeInTheirLanguageButUndeliverableAddresses()
      throws Exception {
    seeds.policy(
        VERSION,
        EFFECTIVE,
        "Chúng tôi chia sẻ dữ liệu với đơn vị vận chuyển.",
        "We share data with the courier.",
        true);
    String vi = seeds.customer("Nguyễn Văn An", "an@example.vn", "vi");
    String en = seeds.customer("Jane Roe", "jane@example.com", "en");
    String unsubscribed = seeds.customer("Trần Thị Bình", "binh@example.vn", "vi");
    seeds.suppress("binh@example.vn", "NEWSLETTER", "UNSUBSCRIBED");
    String manual = seeds.customer("Lê Văn Cường", "cuong@example.vn", "vi");
    seeds.suppress("cuong@example.vn", "ALL", "MANUAL");
    seeds.customer("Bounced", "bounced@example.vn", "vi");
    seeds.suppress("bounced@example.vn", "ALL", "HARD_BOUNCE");
    seeds.customer("Complained", "complained@example.vn", "en");
    seeds.suppress("complained@example.vn", "ALL", "COMPLAINT");

    JobExecution run = run(VERSION, 2);

    assertEquals(BatchStatus.COMPLETED, run.getBatchStatus());
    MimeMessage[] received = bed.smtp().getReceivedMessages();
    assertEquals(
        List.of("an@example.vn", "binh@example.vn", "cuong@example.vn", "jane@example.com"),
        recipients(received).stream().sorted().toList());
    for (MimeMessage message : received) {
      assertFalse(message.getSubject().contains("[QC]"), message.getSubject());
      assertNull(message.getHeader("List-Unsubscribe"), "no purpose governs a service notice");
    }
    MimeMessage toVi = to(received, "an@example.vn");
    assertEquals(
        "Thay đổi chính sách bảo vệ dữ liệu cá nhân: phiên bản 2026-12 có hiệu lực từ 01/12/2026",
        toVi.getSubject());
    String viText = text(toVi);
    assertTrue(viText.contains("Kính gửi Nguyễn Văn An"), viText);
    assertTrue(viText.contains("Chúng tôi chia sẻ dữ liệu với đơn vị vận chuyển."), viText);
    assertTrue(viText.contains("QUAN TRỌNG: thay đổi này bất lợi cho Quý khách"), viText);
    assertTrue(viText.contains(JobTestbed.PRIVACY_CONTACT), viText);
    assertTrue(ReceivedMail.html(toVi).contains("QUAN TRỌNG"), "prominent in HTML too");
    MimeMessage toEn = to(received, "jane@example.com");
    assertEquals(
        "Changes to our privacy policy: version 2026-12 applies from 1 December 2026",
        toEn.getSubject());
    String enText = text(toEn);
    assertTrue(enText.contains("We share data with the courier."), enText);
    assertTrue(enText.contains("IMPORTANT: this change is to your disadvantage"), enText);
    assertTrue(enText.contains("withdraw the consent"), enText);
    assertTrue(enText.contains("end your contract"), enText);

    assertEquals(
        List.of(en, manual, unsubscribed, vi).stream().sorted().map(id -> id + " SENT").toList(),
        Queries.rows(
            db,
            "select customer_id, status from notice_delivery where kind = 'POLICY'"
                + " and reference = ? and message_id is not null and sent_at is not null order by 1",
            VERSION));
    assertEquals(
        List.of("EMAIL_SENT " + vi),
        Queries.rows(
            db,
            "select action, customer_id from audit_entry where detail = ?",
            "policy notice " + VERSION + ": " + toVi.getMessageID()));
    assertEquals(
        List.of(String.valueOf(run.getExecutionId())),
        Queries.row(db, "select notified_execution_id from policy_version"));
    assertEquals(
        Map.of("policyVersion", VERSION, "sent", 4L, "failed", 0L, "uncertain", 0L, "skipped", 2L),
        report(run.getExecutionId()));

    JobExecution again = run(VERSION, 2);

    assertEquals(BatchStatus.COMPLETED, again.getBatchStatus());
    assertEquals(4, bed.smtp().getReceivedMessages().length, "a second run mails nobody again");
    assertEquals(4, Queries.count(db, "select count(*) from notice_delivery"));

    String newcomer = seeds.customer("Phạm Thị Dung", "dung@example.vn", "vi");
    run(VERSION, 2);
    assertEquals(5, bed.smtp().getReceivedMessages().length);
    assertEquals("dung@example.vn", recipient(bed.smtp().getReceivedMessages()[4]));
    assertEquals(
        List.of(newcomer + " SENT"),
        Queries.rows(
            db,
            "select customer_id, status from notice_delivery where execution_id = ?"
                + " order by 1",
            lastExecution()));
  }

  @Test
  void aChangeNotToTheirDisadvantageSaysNoMoreThanWhatChanges() throws Exception {
    seeds.policy(VERSION, EFFECTIVE, "Sửa lỗi chính tả.", "Typos fixed.", false);
    seeds.customer("Nguyễn Văn An", "an@example.vn", "vi");

    assertEquals(BatchStatus.COMPLETED, run(VERSION, 10).getBatchStatus());

    String body = text(bed.smtp().getReceivedMessages()[0]);
    assertTrue(body.contains("Sửa lỗi chính tả."), body);
    assertFalse(body.contains("QUAN TRỌNG"), body);
  }

  @Test
  void anUnknownVersionFailsTheRunAndMailsNobody() throws Exception {
    seeds.customer("Nguyễn Văn An", "an@example.vn", "vi");

    assertEquals(BatchStatus.FAILED, run("no-such-version", 10).getBatchStatus());
    assertEquals(0, bed.smtp().getReceivedMessages().length);
  }

  @Test
  void whenSmtpIsDownTheRunFailsGivesItsClaimsBackAndARestartSendsEachOnce() throws Exception {
    seeds.policy(VERSION, EFFECTIVE, "Tóm tắt.", "Summary.", false);
    seeds.customer("Khách 1", "earlier-1@example.vn", "vi");
    seeds.customer("Khách 2", "earlier-2@example.vn", "en");
    assertEquals(BatchStatus.COMPLETED, run(VERSION, 2).getBatchStatus());
    assertEquals(2, bed.smtp().getReceivedMessages().length);
    List<String> waiting = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String email = "waiting-" + i + "@example.vn";
      seeds.customer("Khách chờ " + i, email, "vi");
      waiting.add(email);
    }

    bed.stopSmtp();
    long execution = JobsOnJBeret.start("policy-notice", parameters(VERSION, 2));
    JobExecution failed = JobsOnJBeret.awaitEnd(execution, JobTestbed.TIMEOUT);

    assertEquals(BatchStatus.FAILED, failed.getBatchStatus());
    assertEquals(List.of("SENT", "SENT"), Queries.column(db, "select status from notice_delivery"));

    bed.restartSmtp();
    long restarted = JobsOnJBeret.operator().restart(execution, new Properties());
    JobExecution done = JobsOnJBeret.awaitEnd(restarted, JobTestbed.TIMEOUT);

    assertEquals(BatchStatus.COMPLETED, done.getBatchStatus());
    assertEquals(
        waiting,
        recipients(bed.smtp().getReceivedMessages()).stream().sorted().toList(),
        "each waiting customer, once");
    assertEquals(
        7, Queries.count(db, "select count(*) from notice_delivery where status = 'SENT'"));
    assertEquals(7, Queries.count(db, "select count(*) from notice_delivery"));
    assertEquals(
        Map.of("policyVersion", VERSION, "sent", 5L, "failed", 0L, "uncertain", 0L, "skipped", 0L),
        report(execution, restarted));
  }

  @Test
  void aNoticeInFlightWhenItsProcessDiedBecomesUncertainAndIsNotSentAgain() throws Exception {
    seeds.policy(VERSION, EFFECTIVE, "Tóm tắt.", "Summary.", false);
    String inFlight = seeds.customer("Đang gửi", "in-flight@example.vn", "vi");
    seeds.noticeDelivery("POLICY", VERSION, inFlight, 424242, "PENDING");
    String other = seeds.customer("Khác", "other@example.vn", "vi");

    JobExecution run = run(VERSION, 10);

    assertEquals(BatchStatus.COMPLETED, run.getBatchStatus());
    assertEquals(List.of("other@example.vn"), recipients(bed.smtp().getReceivedMessages()));
    assertEquals(
        List.of(inFlight + " UNCERTAIN", other + " SENT").stream().sorted().toList(),
        Queries.rows(db, "select customer_id, status from notice_delivery order by 1"));
    assertEquals(
        1,
        Queries.count(db, "select count(*) from audit_entry where action = 'NOTICES_UNCERTAIN'"));

    run(VERSION, 10);
    assertEquals(1, bed.smtp().getReceivedMessages().length, "the uncertain one is never re-sent");
  }

  // --- helpers

  static long lastExecution() throws Exception {
    return Long.parseLong(Queries.row(db, "select max(execution_id) from notice_delivery").get(0));
  }

  static MimeMessage to(MimeMessage[] messages, String address) {
    for (MimeMessage message : messages) {
      if (recipient(message).equals(address)) {
        return message;
      }
    }
    throw new AssertionError("nothing to " + address);
  }

  static Object report(Long... executionIds) {
    Properties parameters = PolicyNoticeJob.parameters(VERSION);
    return JobsOnJBeret.bean(PolicyNoticeReport.class).report(List.of(executionIds), parameters);
  }

  static Properties parameters(String version, int chunkSize) {
    Properties parameters = PolicyNoticeJob.parameters(version);
    parameters.setProperty("chunkSize", String.valueOf(chunkSize));
    return parameters;
  }

  static JobExecution run(String version, int chunkSize) {
    return bed.run("policy-notice", parameters(version, chunkSize));
  }
}
