package app.custodian.delivery.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.campaign.boundary.NewsletterSendJob;
import app.custodian.delivery.control.DeliveryTables;
import app.custodian.delivery.control.SentMessage;
import app.custodian.delivery.entity.DeliveryStatus;
import app.custodian.policy.boundary.PolicyNoticeJob;
import app.custodian.renewal.boundary.RenewalRemindersJob;
import app.custodian.testing.JobTestCase;
import app.custodian.testing.JobTestbed;
import app.custodian.testing.JobsOnJBeret;
import app.custodian.testing.Queries;
import jakarta.batch.runtime.BatchStatus;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The delivery pipeline under three of the four mail jobs: one message key across their tables, and
 * each message's envelope sender (VERP) naming its own message, whatever job sent it.
 */
class DeliveryPipelineJobTest extends JobTestCase {

  @BeforeEach
  void emptyDatabase() throws Exception {
    bed.empty(
        db,
        "delivery",
        "campaign",
        "renewal_reminder",
        "contract",
        "notice_delivery",
        "policy_version",
        "consent_event",
        "consent_state",
        "suppression",
        "customer",
        "audit_entry");
  }

  @Test
  void eachMessageOfEveryJobHasItsOwnKeyAndAnEnvelopeSenderThatNamesIt() throws Exception {
    LocalDate today = JobTestbed.today();
    String customer = seeds.customer("Phạm Thị Hoa", "hoa@example.vn", "vi");
    seeds.consent(customer, "NEWSLETTER", true);
    seeds.consent(customer, "RENEWAL_REMINDER", true);
    seeds.contract(customer, "HD-1", today.minusYears(1), today.plusDays(7), null);
    String campaign =
        seeds.campaign(
            "NEWSLETTER", true, "Tin tháng 12", "Chào {{fullName}}. Hủy: {{unsubscribeUrl}}");
    seeds.policy("2026-12", LocalDate.of(2026, 12, 1), "Tóm tắt.", "Summary.", false);

    assertEquals(BatchStatus.COMPLETED, run(NewsletterSendJob.NAME, parameters(campaign)));
    assertEquals(BatchStatus.COMPLETED, run(RenewalRemindersJob.NAME, new Properties()));
    assertEquals(
        BatchStatus.COMPLETED, run("policy-notice", PolicyNoticeJob.parameters("2026-12")));

    Map<String, Long> keyOfMessageId = new HashMap<>();
    for (String table : List.of("delivery", "renewal_reminder", "notice_delivery")) {
      List<String> row = Queries.row(db, "select message_id, message_key from " + table);
      keyOfMessageId.put(row.get(0), Long.parseLong(row.get(1)));
    }
    assertEquals(3, new HashSet<>(keyOfMessageId.values()).size(), "one key per message");
    MimeMessage[] received = bed.smtp().getReceivedMessages();
    assertEquals(3, received.length);
    ReturnPaths returnPaths = JobsOnJBeret.bean(ReturnPaths.class);
    Set<String> tables = new HashSet<>();
    for (MimeMessage message : received) {
      assertEquals(
          JobTestbed.MAIL_FROM, ((InternetAddress) message.getFrom()[0]).getAddress(), "From");
      String returnPath = message.getHeader("Return-Path", null);
      assertTrue(returnPath.matches("<bounces\\+[A-Za-z0-9_-]{24}@custodian\\.test>"), returnPath);
      long messageKey = returnPaths.messageKeyOfAddress(returnPath).getAsLong();
      assertEquals(
          keyOfMessageId.get(message.getMessageID()),
          messageKey,
          "the envelope sender names this message's row");
      SentMessage sent = DeliveryTables.find(db, messageKey).orElseThrow();
      assertEquals(customer, sent.customerId());
      assertEquals(DeliveryStatus.SENT, sent.status());
      assertEquals(message.getMessageID(), sent.messageId());
      tables.add(sent.table());
    }
    assertEquals(Set.of("delivery", "renewal_reminder", "notice_delivery"), tables);
    assertTrue(DeliveryTables.find(db, -1).isEmpty());
  }

  static Properties parameters(String campaignId) {
    Properties parameters = NewsletterSendJob.parameters(campaignId);
    parameters.setProperty("chunkSize", "10");
    return parameters;
  }

  static BatchStatus run(String job, Properties parameters) {
    return bed.run(job, parameters).getBatchStatus();
  }
}
