package app.custodian.returns.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.consent.control.LinkScope;
import app.custodian.consent.entity.Purpose;
import app.custodian.delivery.boundary.ReturnPaths;
import app.custodian.mail.boundary.MailGateway;
import app.custodian.security.control.BlindIndex;
import app.custodian.security.control.SignedTokens;
import app.custodian.testing.JobTestCase;
import app.custodian.testing.JobsOnJBeret;
import app.custodian.testing.Queries;
import app.custodian.testing.TestMailbox;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code mail-returns} job on JBeret SE against real PostgreSQL and GreenMail's IMAP: real
 * returned emails (from src/test/resources/mail-returns, addressed to our VERP address) acted on as
 * api.md says, each once, across a failure and a restart.
 */
class MailReturnsJobTest extends JobTestCase {

  static final Path SAMPLES = Path.of("src/test/resources/mail-returns");
  static final String MAILBOX_USER = "returns@custodian.test";
  static final String MAILBOX_PASSWORD = "s3cret:/@pass";

  static GreenMail imap;
  static GreenMailUser mailbox;
  static String mailboxUrl;

  String campaignId;

  @BeforeAll
  static void startMailbox() throws Exception {
    // MailGateway reads whether a returns mailbox is set once; other job tests expect none.
    JobsOnJBeret.bean(MailGateway.class).returnAddresses();
    int port = freePort();
    imap =
        new GreenMail(
            new ServerSetup[] {
              new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
              new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_POP3)
            });
    imap.start();
    mailbox = imap.setUser(MAILBOX_USER, MAILBOX_USER, MAILBOX_PASSWORD);
    mailboxUrl = "imap://returns%40custodian.test:s3cret%3A%2F%40pass@127.0.0.1:" + port + "/INBOX";
    System.setProperty("custodian.returns.mailbox", mailboxUrl);
  }

  static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @AfterAll
  static void stopMailbox() {
    System.clearProperty("custodian.returns.mailbox");
    if (imap != null) {
      imap.stop();
    }
  }

  @BeforeEach
  void empty() throws Exception {
    bed.empty(
        db,
        "mail_return",
        "delivery",
        "campaign",
        "consent_event",
        "consent_state",
        "suppression",
        "customer",
        "audit_entry");
    imap.purgeEmailFromAllMailboxes();
    campaignId = seeds.campaign("NEWSLETTER", true, "Tin", "Chào {{fullName}}");
  }

  /** A customer who consented to the newsletter and the survey and was sent the campaign. */
  record Person(String id, String email, long messageKey) {}

  Person person(String email) throws Exception {
    String id = seeds.customer("Nguyễn Văn An", email, "vi");
    String event = seeds.consent(id, "NEWSLETTER", true);
    seeds.consent(id, "SURVEY", true);
    seeds.delivery(campaignId, id, event, Instant.now());
    long key =
        Long.parseLong(
            Queries.row(db, "select message_key from delivery where customer_id = ?", id).get(0));
    return new Person(id, email, key);
  }

  @Test
  void aHardBounceSuppressesTheAddressForEverything() throws Exception {
    Person an = person("an@example.vn");
    deliver(sample("hard-postfix-user-unknown.eml", an));

    JobExecution run = run();

    assertEquals(BatchStatus.COMPLETED, run.getBatchStatus());
    assertEquals(
        List.of("HARD_BOUNCE", an.id(), String.valueOf(an.messageKey()), "t"),
        Queries.row(db, "select kind, customer_id, message_key, suppressed from mail_return"));
    assertEquals(List.of("ALL HARD_BOUNCE"), suppressions(an));
    assertEquals(0, inbox());
    assertEquals(1, processed());
    assertEquals(
        1,
        Queries.count(
            db,
            "select count(*) from audit_entry where action = 'MAIL_RETURN_HARD_BOUNCE'"
                + " and customer_id = ?",
            an.id()));
    assertNoAddressIn("select detail from audit_entry", an);
    assertNoAddressIn("select coalesce(diagnostic, '') from mail_return", an);
  }

  @Test
  void aComplaintSuppressesAdvertisingAndWithdrawsNewsletterAndSurvey() throws Exception {
    Person an = person("an@example.vn");
    deliver(sample("complaint-rfc5965-full.eml", an));

    assertEquals(BatchStatus.COMPLETED, run().getBatchStatus());

    assertEquals(List.of("NEWSLETTER COMPLAINT", "SURVEY COMPLAINT"), suppressions(an));
    String returnId = Queries.row(db, "select id from mail_return where kind = 'COMPLAINT'").get(0);
    assertEquals(
        List.of("NEWSLETTER false COMPLAINT", "SURVEY false COMPLAINT"),
        Queries.column(
            db,
            "select s.purpose || ' ' || s.granted || ' ' || e.source from consent_state s"
                + " join consent_event e on e.id = s.event_id where s.customer_id = ?"
                + " order by s.purpose",
            an.id()));
    assertEquals(
        2,
        Queries.count(
            db,
            "select count(*) from audit_entry where action = 'CONSENT_WITHDRAWN' and customer_id = ?",
            an.id()));
    assertTrue(returnId.length() > 0);
    assertEquals(
        0,
        Queries.count(db, "select count(*) from consent_notice where customer_id = ?", an.id()),
        "no confirmation email to someone who reported us as spam");
  }

  @Test
  void aMailtoUnsubscribeWithdrawsThePurposeItsTokenNames() throws Exception {
    String policy = "mailto-" + UUID.randomUUID().toString().substring(0, 8);
    seeds.execute(
        "insert into policy_version (version, effective_on, summary_vi, summary_en, adverse,"
            + " created_at, created_by) values (?, ?, 'Tóm tắt', 'Summary', false, now(), 'admin')",
        policy,
        LocalDate.now().minusDays(1));
    try {
      mailtoUnsubscribeConfirmsOnceWithThePolicyVersion(policy);
    } finally {
      seeds.execute("delete from policy_version where version = ?", policy);
    }
  }

  void mailtoUnsubscribeConfirmsOnceWithThePolicyVersion(String policy) throws Exception {
    Person an = person("an@example.vn");
    String token =
        JobsOnJBeret.bean(SignedTokens.class).issue(an.id(), LinkScope.of(Purpose.SURVEY));
    deliver(mailtoUnsubscribe(an.email(), token));
    Person binh = person("binh@example.vn");
    deliver(mailtoUnsubscribe(binh.email(), token.substring(0, token.length() - 2) + "xx"));

    assertEquals(BatchStatus.COMPLETED, run().getBatchStatus());

    assertEquals(List.of("SURVEY UNSUBSCRIBED"), suppressions(an));
    assertEquals(
        List.of("NEWSLETTER true", "SURVEY false"),
        Queries.column(
            db,
            "select purpose || ' ' || granted from consent_state where customer_id = ?"
                + " order by purpose",
            an.id()));
    assertEquals(List.of(), suppressions(binh), "a forged token changes nothing");
    assertEquals(
        2, Queries.count(db, "select count(*) from mail_return where kind = 'UNSUBSCRIBE'"));
    String notices =
        "select kind || ' ' || purpose from consent_notice where customer_id = ? order by id";
    assertEquals(
        List.of("WITHDRAWN SURVEY"),
        Queries.column(db, notices, an.id()),
        "the confirmation the one-click unsubscribe sends, queued in the same transaction");
    assertEquals(
        List.of("email-mailto " + policy),
        Queries.column(
            db,
            "select source || ' ' || coalesce(policy_version, '-') from consent_event"
                + " where customer_id = ? and purpose = 'SURVEY' and not granted",
            an.id()));

    deliver(mailtoUnsubscribe(an.email(), token)); // sent again, as a new email
    assertEquals(BatchStatus.COMPLETED, run().getBatchStatus());
    assertEquals(
        3, Queries.count(db, "select count(*) from mail_return where kind = 'UNSUBSCRIBE'"));
    assertEquals(
        List.of("WITHDRAWN SURVEY"), Queries.column(db, notices, an.id()), "confirmed once");
  }

  @Test
  void autoRepliesAndUnmatchedMailAreRecordedAndChangeNothing() throws Exception {
    Person an = person("an@example.vn");
    deliver(sample("autoreply-rfc3834.eml", an));
    deliver(sample("unmatched-plain-message.eml", an));

    assertEquals(BatchStatus.COMPLETED, run().getBatchStatus());

    assertEquals(
        List.of("AUTO_REPLY", "UNMATCHED"),
        Queries.column(db, "select kind from mail_return order by kind"));
    assertEquals(List.of(), suppressions(an));
    assertEquals(
        List.of("NEWSLETTER true", "SURVEY true"),
        Queries.column(
            db,
            "select purpose || ' ' || granted from consent_state where customer_id = ?"
                + " order by purpose",
            an.id()));
    assertEquals(2, processed());
  }

  @Test
  void theSoftBounceThatReachesTheLimitSuppresses() throws Exception {
    Person an = person("an@example.vn");
    deliver(sample("soft-rfc3464-delayed.eml", an));
    deliver(sample("soft-rfc3464-delayed.eml", an));
    assertEquals(BatchStatus.COMPLETED, run().getBatchStatus());
    assertEquals(List.of(), suppressions(an), "two of three");

    deliver(sample("soft-rfc3464-delayed.eml", an));
    assertEquals(BatchStatus.COMPLETED, run().getBatchStatus());

    assertEquals(List.of("ALL SOFT_BOUNCE_LIMIT"), suppressions(an));
    assertEquals(
        List.of("f", "f", "t"),
        Queries.column(db, "select suppressed from mail_return order by received_at, suppressed"));
  }

  @Test
  void anEmailRecordedBeforeIsSkippedAndMoved() throws Exception {
    Person an = person("an@example.vn");
    String email = sample("hard-postfix-user-unknown.eml", an);
    String messageId = messageIdOf(email);
    seeds.execute(
        "insert into mail_return (id, source, source_id, kind, received_at)"
            + " values (?, 'MAILBOX', ?, 'HARD_BOUNCE', current_timestamp)",
        UUID.randomUUID().toString(),
        messageId);
    deliver(email);

    assertEquals(BatchStatus.COMPLETED, run().getBatchStatus());

    assertEquals(1, Queries.count(db, "select count(*) from mail_return"));
    assertEquals(List.of(), suppressions(an), "acted on when it was recorded, not again");
    assertEquals(0, inbox());
    assertEquals(1, processed());
  }

  @Test
  void aRestartAfterAFailureInTheMiddleActsOnEachOnce() throws Exception {
    int count = 250;
    Person an = person("an@example.vn");
    String template = sample("hard-postfix-user-unknown.eml", an);
    for (int i = 0; i < count; i++) {
      deliver(withMessageId(template, "<return-" + i + "@mx.example.net>"));
    }
    try (Statement s = db.createStatement()) {
      s.execute(
          "create function fail_once() returns trigger language plpgsql as $$ begin"
              + " if new.source_id = '<return-150@mx.example.net>' then"
              + " raise exception 'injected failure'; end if; return new; end $$");
      s.execute(
          "create trigger fail_once before insert on mail_return for each row"
              + " execute function fail_once()");
    }
    long failed;
    try {
      JobExecution first = run();
      assertEquals(BatchStatus.FAILED, first.getBatchStatus());
      failed = first.getExecutionId();
      assertEquals(100, Queries.count(db, "select count(*) from mail_return"), "one chunk");
      assertEquals(count - 100, inbox(), "what was recorded has left the mailbox");
    } finally {
      try (Statement s = db.createStatement()) {
        s.execute("drop trigger fail_once on mail_return");
        s.execute("drop function fail_once()");
      }
    }

    JobExecution restarted =
        JobsOnJBeret.awaitEnd(
            JobsOnJBeret.operator().restart(failed, new Properties()), bed.TIMEOUT);

    assertEquals(BatchStatus.COMPLETED, restarted.getBatchStatus());
    assertEquals(count, Queries.count(db, "select count(*) from mail_return"));
    assertEquals(
        count,
        Queries.count(
            db, "select count(*) from audit_entry where action = 'MAIL_RETURN_HARD_BOUNCE'"));
    assertEquals(
        1,
        Queries.count(db, "select count(*) from audit_entry where action = 'SUPPRESSION_ADDED'"),
        "suppressed once");
    assertEquals(0, inbox());
    assertEquals(count, processed());
  }

  @Test
  void aPop3MailboxIsReadAndWhatWasActedOnIsDeleted() throws Exception {
    Person an = person("an@example.vn");
    Person binh = person("binh@example.vn");
    deliver(sample("hard-postfix-user-unknown.eml", an));
    deliver(sample("complaint-rfc5965-full.eml", binh));
    deliver(sample("autoreply-rfc3834.eml", an));
    System.setProperty(
        "custodian.returns.mailbox",
        "pop3://returns%40custodian.test:s3cret%3A%2F%40pass@127.0.0.1:"
            + imap.getPop3().getPort());
    try {
      assertEquals(BatchStatus.COMPLETED, run().getBatchStatus());
    } finally {
      System.setProperty("custodian.returns.mailbox", mailboxUrl);
    }

    assertEquals(
        List.of("AUTO_REPLY", "COMPLAINT", "HARD_BOUNCE"),
        Queries.column(db, "select kind from mail_return order by kind"));
    assertEquals(List.of("ALL HARD_BOUNCE"), suppressions(an));
    assertEquals(List.of("NEWSLETTER COMPLAINT", "SURVEY COMPLAINT"), suppressions(binh));
    assertEquals(0, inbox(), "POP3 has no other folder: what was acted on is deleted");
    assertEquals(0, processed());
  }

  JobExecution run() {
    Properties parameters = new Properties();
    return bed.run(MailReturnsJob.NAME, parameters);
  }

  /** A real sample, sent back to the VERP address of the person's message, as a new email. */
  String sample(String name, Person person) throws Exception {
    String text = Files.readString(SAMPLES.resolve(name), StandardCharsets.ISO_8859_1);
    String verp = JobsOnJBeret.bean(ReturnPaths.class).envelopeSender(person.messageKey());
    text = Pattern.compile("(?mi)^To:.*$").matcher(text).replaceFirst("To: <" + verp + ">");
    return withMessageId(text, "<" + UUID.randomUUID() + "@mx.example.net>");
  }

  static String withMessageId(String text, String messageId) {
    Matcher header = Pattern.compile("(?mi)^Message-ID:.*$").matcher(text);
    int end = text.indexOf("\n\n") < 0 ? text.indexOf("\r\n\r\n") : text.indexOf("\n\n");
    if (header.find() && header.start() < end) {
      return text.substring(0, header.start())
          + "Message-ID: "
          + messageId
          + text.substring(header.end());
    }
    return "Message-ID: " + messageId + "\r\n" + text;
  }

  static String messageIdOf(String text) {
    Matcher header = Pattern.compile("(?mi)^Message-ID:\\s*(\\S+)").matcher(text);
    header.find();
    return header.group(1);
  }

  static String mailtoUnsubscribe(String from, String token) {
    return "From: <"
        + from
        + ">\r\nTo: <"
        + MAILBOX_USER
        + ">\r\nSubject: unsubscribe "
        + token
        + "\r\nMessage-ID: <"
        + UUID.randomUUID()
        + "@mail.example.vn>\r\nDate: Mon, 7 Dec 2026 10:00:00 +0700\r\n\r\n\r\n";
  }

  static void deliver(String raw) throws Exception {
    TestMailbox.deliver(mailbox, raw);
  }

  List<String> suppressions(Person person) throws Exception {
    return Queries.column(
        db,
        "select scope || ' ' || reason from suppression where address_index = ? order by scope",
        JobsOnJBeret.bean(BlindIndex.class).email(person.email()));
  }

  void assertNoAddressIn(String sql, Person person) throws Exception {
    for (String value : Queries.column(db, sql)) {
      assertTrue(value == null || !value.contains(person.email()), value);
    }
  }

  int inbox() throws Exception {
    return count("INBOX");
  }

  int processed() throws Exception {
    return count("Processed");
  }

  int count(String folderName) throws Exception {
    return TestMailbox.count(imap, MAILBOX_USER, MAILBOX_PASSWORD, folderName);
  }
}
