package app.custodian.incident.boundary;

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
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code breach-notice} job on JBeret SE against real PostgreSQL and a real SMTP server
 * (GreenMail): each affected, still live customer once, in their language, as a service notice;
 * only addresses that cannot receive mail are skipped; restartable without sending anyone two.
 */
class BreachNoticeJobTest extends JobTestCase {

  // 2026-11-20 01:30 in Asia/Ho_Chi_Minh
  static final Instant DETECTED = Instant.parse("2026-11-19T18:30:00Z");

  @BeforeEach
  void emptyDatabase() throws Exception {
    bed.empty(
        db,
        "notice_delivery",
        "incident_customer",
        "incident",
        "suppression",
        "customer",
        "audit_entry");
  }

  @Test
  void eachAffectedCustomerGetsOneNoticeInTheirLanguageAndNobodyElse() throws Exception {
    String vi = seeds.customer("Nguyễn Văn An", "an@example.vn", "vi");
    String en = seeds.customer("Jane Roe", "jane@example.com", "en");
    String unsubscribed = seeds.customer("Trần Thị Bình", "binh@example.vn", "vi");
    seeds.suppress("binh@example.vn", "ALL", "UNSUBSCRIBED");
    String bounced = seeds.customer("Bounced", "bounced@example.vn", "vi");
    seeds.suppress("bounced@example.vn", "ALL", "HARD_BOUNCE");
    String erased = seeds.customer("Erased", "erased@example.vn", "vi");
    seeds.customer("Not affected", "bystander@example.vn", "vi");
    String incident =
        seeds.incident(
            DETECTED,
            "Một bản sao lưu bị truy cập trái phép.",
            "FULL_NAME,EMAIL,PHONE",
            "Có thể nhận thư lừa đảo.",
            "Đã thu hồi quyền truy cập.",
            vi,
            en,
            unsubscribed,
            bounced,
            erased);
    seeds.execute("delete from customer where id = ?", erased);

    JobExecution run = run(incident, 2);

    assertEquals(BatchStatus.COMPLETED, run.getBatchStatus());
    MimeMessage[] received = bed.smtp().getReceivedMessages();
    assertEquals(
        List.of("an@example.vn", "binh@example.vn", "jane@example.com"),
        recipients(received).stream().sorted().toList());
    for (MimeMessage message : received) {
      assertFalse(message.getSubject().contains("[QC]"), message.getSubject());
      assertNull(message.getHeader("List-Unsubscribe"));
    }
    MimeMessage toVi = to(received, "an@example.vn");
    assertEquals("Thông báo sự cố liên quan đến dữ liệu cá nhân của Quý khách", toVi.getSubject());
    String viText = text(toVi);
    for (String expected :
        List.of(
            "Kính gửi Nguyễn Văn An",
            "ngày 20/11/2026",
            "Một bản sao lưu bị truy cập trái phép.",
            "- Họ và tên",
            "- Địa chỉ email",
            "- Số điện thoại",
            "Có thể nhận thư lừa đảo.",
            "Đã thu hồi quyền truy cập.",
            JobTestbed.PRIVACY_CONTACT)) {
      assertTrue(viText.contains(expected), expected + " in " + viText);
    }
    MimeMessage toEn = to(received, "jane@example.com");
    assertEquals("Notice of an incident affecting your personal data", toEn.getSubject());
    String enText = text(toEn);
    assertTrue(enText.contains("on 20 November 2026"), enText);
    assertTrue(enText.contains("- Full name\n- Email address\n- Phone number"), enText);
    assertTrue(enText.contains("What you can do"), enText);

    assertEquals(
        List.of(en, unsubscribed, vi).stream().sorted().map(id -> id + " SENT").toList(),
        Queries.rows(
            db,
            "select customer_id, status from notice_delivery where kind = 'INCIDENT'"
                + " and reference = ? order by 1",
            incident));
    assertEquals(
        List.of("EMAIL_SENT " + en),
        Queries.rows(
            db,
            "select action, customer_id from audit_entry where detail = ?",
            "breach notice " + incident + ": " + toEn.getMessageID()));
    assertEquals(
        List.of(String.valueOf(run.getExecutionId())),
        Queries.row(db, "select notified_execution_id from incident"));
    assertEquals(
        Map.of("incidentId", incident, "sent", 3L, "failed", 0L, "uncertain", 0L, "skipped", 1L),
        report(incident, run.getExecutionId()));

    JobExecution again = run(incident, 2);
    assertEquals(BatchStatus.COMPLETED, again.getBatchStatus());
    assertEquals(3, bed.smtp().getReceivedMessages().length, "a second run mails nobody again");
  }

  @Test
  void whenSmtpIsDownTheRunFailsGivesItsClaimsBackAndARestartSendsEachOnce() throws Exception {
    String first = seeds.customer("Khách đầu", "first@example.vn", "vi");
    String notified = seeds.incident(DETECTED, "Sự cố trước.", "EMAIL", null, null, first);
    assertEquals(BatchStatus.COMPLETED, run(notified, 2).getBatchStatus());
    List<String> ids = new ArrayList<>(List.of(first));
    List<String> waiting = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String email = "waiting-" + i + "@example.vn";
      ids.add(seeds.customer("Khách chờ " + i, email, "vi"));
      waiting.add(email);
    }
    String incident =
        seeds.incident(DETECTED, "Sự cố.", "EMAIL", null, null, ids.toArray(String[]::new));
    seeds.noticeDelivery("INCIDENT", incident, first, 1, "SENT"); // told already

    bed.stopSmtp();
    long execution = JobsOnJBeret.start("breach-notice", parameters(incident, 2));
    JobExecution failed = JobsOnJBeret.awaitEnd(execution, JobTestbed.TIMEOUT);

    assertEquals(BatchStatus.FAILED, failed.getBatchStatus());
    assertEquals(
        0, Queries.count(db, "select count(*) from notice_delivery where status = 'PENDING'"));

    bed.restartSmtp();
    long restarted = JobsOnJBeret.operator().restart(execution, new Properties());
    JobExecution done = JobsOnJBeret.awaitEnd(restarted, JobTestbed.TIMEOUT);

    assertEquals(BatchStatus.COMPLETED, done.getBatchStatus());
    assertEquals(
        waiting,
        recipients(bed.smtp().getReceivedMessages()).stream().sorted().toList(),
        "each waiting customer, once");
    assertEquals(
        6,
        Queries.count(
            db,
            "select count(*) from notice_delivery where reference = ? and status = 'SENT'",
            incident));
  }

  @Test
  void aNoticeInFlightWhenItsProcessDiedBecomesUncertainAndIsNotSentAgain() throws Exception {
    String inFlight = seeds.customer("Đang gửi", "in-flight@example.vn", "vi");
    String other = seeds.customer("Khác", "other@example.vn", "en");
    String incident = seeds.incident(DETECTED, "Sự cố.", "PHONE", null, null, inFlight, other);
    seeds.noticeDelivery("INCIDENT", incident, inFlight, 424242, "PENDING");

    JobExecution run = run(incident, 10);

    assertEquals(BatchStatus.COMPLETED, run.getBatchStatus());
    assertEquals(List.of("other@example.vn"), recipients(bed.smtp().getReceivedMessages()));
    assertEquals(
        List.of(inFlight + " UNCERTAIN", other + " SENT").stream().sorted().toList(),
        Queries.rows(db, "select customer_id, status from notice_delivery order by 1"));
    String body = text(bed.smtp().getReceivedMessages()[0]);
    assertFalse(body.contains("What may follow"), "no consequences were recorded: " + body);

    run(incident, 10);
    assertEquals(1, bed.smtp().getReceivedMessages().length, "the uncertain one is never re-sent");
  }

  // --- helpers

  static MimeMessage to(MimeMessage[] messages, String address) {
    for (MimeMessage message : messages) {
      if (recipient(message).equals(address)) {
        return message;
      }
    }
    throw new AssertionError("nothing to " + address);
  }

  static Object report(String incidentId, long executionId) {
    return JobsOnJBeret.bean(BreachNoticeReport.class)
        .report(List.of(executionId), BreachNoticeJob.parameters(incidentId));
  }

  static Properties parameters(String incidentId, int chunkSize) {
    Properties parameters = BreachNoticeJob.parameters(incidentId);
    parameters.setProperty("chunkSize", String.valueOf(chunkSize));
    return parameters;
  }

  static JobExecution run(String incidentId, int chunkSize) {
    return bed.run("breach-notice", parameters(incidentId, chunkSize));
  }
}
