package app.custodian.returns.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.returns.control.ReturnedMail.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hand-made returns: VERP tokens, identifiers, unsubscribes, auto-replies, DSN rules, limits. */
class ReturnClassifierTest {

  private final ReturnClassifier classifier = new ReturnClassifier("bounces", "example.com");

  // ---- VERP ----

  @ParameterizedTest
  @ValueSource(strings = {"To", "Delivered-To", "X-Original-To", "Envelope-To"})
  void findsTheVerpTokenInEachEnvelopeHeader(String header) {
    String mail =
        "From: MAILER-DAEMON@mx.example.net\r\n"
            + header
            + ": <bounces+Ab3_x.Y-9@example.com>\r\n"
            + (header.equals("To") ? "" : "To: someone-else@example.org\r\n")
            + "Subject: Undelivered Mail Returned to Sender\r\n"
            + "Message-ID: <report-1@mx.example.net>\r\n"
            + "\r\n"
            + "<gone@example.org>: host said: 550 5.1.1 User unknown\r\n";

    ReturnedMail returned = classify(mail);

    assertEquals(Kind.HARD_BOUNCE, returned.kind());
    assertEquals(Optional.of("Ab3_x.Y-9"), returned.verpToken());
    assertEquals(Optional.of("<report-1@mx.example.net>"), returned.reportMessageId());
  }

  @Test
  void theBounceAddressMatchesWhateverItsCaseAndTheTokenKeepsItsOwn() {
    ReturnedMail returned =
        classify(autoReplyTo("\"Bounces\" <BOUNCES+MiXeD-Case.Tok_1@Example.COM>"));

    assertEquals(Optional.of("MiXeD-Case.Tok_1"), returned.verpToken());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "bounces@example.com",
        "notbounces+tok@example.com",
        "bounces+tok@example.com.evil.example",
        "bounces+tok@sub.example.com",
        "bounces+@example.com",
        "other+tok@example.com"
      })
  void noTokenFromAnyOtherAddress(String to) {
    assertEquals(Optional.empty(), classify(autoReplyTo(to)).verpToken());
  }

  @Test
  void findsTheVerpTokenInTheReturnPathOfTheAttachedOriginal() {
    String mail =
        dsn(
            "To: postmaster-inbox@example.org\r\n",
            "Reporting-MTA: dns; mx.example.net\r\n",
            "Final-Recipient: rfc822; gone@example.org\r\nAction: failed\r\nStatus: 5.1.1\r\n",
            "message/rfc822",
            "Return-Path: <bounces+FromOriginal-1@example.com>\r\n"
                + "Message-ID: <original-7@custodian.example>\r\n"
                + "List-Unsubscribe: <https://custodian.example/unsubscribe?t=LinkTok.1>,"
                + " <mailto:returns@example.com?subject=unsubscribe%20MailtoTok_2>\r\n"
                + "Subject: Offer\r\n\r\nbody\r\n");

    ReturnedMail returned = classify(mail);

    assertEquals(Kind.HARD_BOUNCE, returned.kind());
    assertEquals(Optional.of("FromOriginal-1"), returned.verpToken());
    assertEquals(Optional.of("<original-7@custodian.example>"), returned.originalMessageId());
    assertEquals(Optional.of("MailtoTok_2"), returned.originalUnsubscribeToken());
    assertEquals(Optional.of("gone@example.org"), returned.recipient());
    assertEquals(Optional.of("5.1.1"), returned.statusCode());
  }

  @Test
  void findsTheVerpTokenInTheDsnsOriginalEnvelopeAndTheOriginalInTextRfc822Headers() {
    String mail =
        dsn(
            "To: postmaster-inbox@example.org\r\n",
            "Reporting-MTA: dns; mx.example.net\r\n"
                + "X-Postfix-Sender: rfc822; bounces+InEnvelope@example.com\r\n",
            "Final-Recipient: rfc822; full@example.org\r\nAction: delayed\r\nStatus: 4.2.2\r\n",
            "text/rfc822-headers",
            "Message-ID: <original-8@custodian.example>\r\n"
                + "List-Unsubscribe: <https://custodian.example/unsubscribe?t=OnlyLink-3>\r\n");

    ReturnedMail returned = classify(mail);

    assertEquals(Kind.SOFT_BOUNCE, returned.kind());
    assertEquals(Optional.of("InEnvelope"), returned.verpToken());
    assertEquals(Optional.of("<original-8@custodian.example>"), returned.originalMessageId());
    assertEquals(Optional.of("OnlyLink-3"), returned.originalUnsubscribeToken());
  }

  @Test
  void findsTheOriginalQuotedBelowANonStandardBounce() {
    String mail =
        "From: MAILER-DAEMON@mx.example.net\r\n"
            + "To: postmaster-inbox@example.org\r\n"
            + "Subject: failure notice\r\n"
            + "\r\n"
            + "Hi. This is the qmail-send program at mx.example.net.\r\n"
            + "I'm afraid I wasn't able to deliver your message to the following addresses.\r\n"
            + "\r\n"
            + "<gone@example.org>:\r\n"
            + "Remote host said: 550 5.1.1 <gone@example.org>: User unknown\r\n"
            + "\r\n"
            + "--- Below this line is a copy of the message.\r\n"
            + "\r\n"
            + "Return-Path: <bounces+Quoted.Tok@example.com>\r\n"
            + "Message-ID: <original-9@custodian.example>\r\n"
            + "Subject: Offer\r\n"
            + "\r\n"
            + "Offer text mentioning 4.4.4 and 550 that must not count\r\n";

    ReturnedMail returned = classify(mail);

    assertEquals(Kind.HARD_BOUNCE, returned.kind());
    assertEquals(Optional.of("5.1.1"), returned.statusCode());
    assertEquals(Optional.of("gone@example.org"), returned.recipient());
    assertEquals(Optional.of("Quoted.Tok"), returned.verpToken());
    assertEquals(Optional.of("<original-9@custodian.example>"), returned.originalMessageId());
  }

  @Test
  void withoutABounceAddressThereIsNoVerpToken() {
    ReturnedMail returned =
        ReturnClassifier.withoutVerp()
            .classify(autoReplyTo("bounces+tok@example.com").getBytes(StandardCharsets.UTF_8));

    assertEquals(Kind.AUTO_REPLY, returned.kind());
    assertEquals(Optional.empty(), returned.verpToken());
  }

  @Test
  void aBounceAddressSplitsIntoLocalPartAndDomain() {
    ReturnedMail returned =
        ReturnClassifier.forBounceAddress("Returns.Box@Mail.Example.vn")
            .classify(
                autoReplyTo("returns.box+T0k@mail.example.VN").getBytes(StandardCharsets.UTF_8));

    assertEquals(Optional.of("T0k"), returned.verpToken());
    assertThrows(IllegalArgumentException.class, () -> ReturnClassifier.forBounceAddress("nope"));
    assertThrows(IllegalArgumentException.class, () -> new ReturnClassifier("a+b", "example.com"));
  }

  // ---- mailto unsubscribe ----

  @ParameterizedTest
  @ValueSource(
      strings = {
        "unsubscribe AbC-12_x.yz",
        "UNSUBSCRIBE AbC-12_x.yz",
        "  Unsubscribe   AbC-12_x.yz  ",
        "=?UTF-8?Q?unsubscribe_AbC-12=5Fx.yz?="
      })
  void aMailtoUnsubscribeGivesTheWordAfterUnsubscribe(String subject) {
    String mail =
        "From: \"An Nguyen\" <an@example.vn>\r\n"
            + "To: returns@example.com\r\n"
            + "Subject: "
            + subject
            + "\r\n"
            + "Message-ID: <unsub-1@example.vn>\r\n"
            + "\r\n"
            + "This message was sent to unsubscribe.\r\n";

    ReturnedMail returned = classify(mail);

    assertEquals(Kind.UNSUBSCRIBE, returned.kind());
    assertEquals(Optional.of("AbC-12_x.yz"), returned.unsubscribeToken());
    assertEquals(Optional.of("an@example.vn"), returned.recipient());
    assertEquals(Optional.of("<unsub-1@example.vn>"), returned.reportMessageId());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "unsubscribe",
        "Re: unsubscribe AbC",
        "unsubscribe AbC and more",
        "unsubscribe <AbC>",
        "please unsubscribe AbC"
      })
  void anythingElseIsNoUnsubscribe(String subject) {
    String mail =
        "From: an@example.vn\r\nTo: returns@example.com\r\nSubject: " + subject + "\r\n\r\nhi\r\n";

    ReturnedMail returned = classify(mail);

    assertEquals(Kind.UNMATCHED, returned.kind());
    assertEquals(Optional.empty(), returned.unsubscribeToken());
  }

  // ---- auto-replies ----

  @ParameterizedTest
  @ValueSource(
      strings = {
        "X-Autoreply: yes",
        "X-Autorespond: Hi",
        "X-Autoresponder: true",
        "Precedence: auto_reply",
        "Auto-Submitted: auto-replied (vacation)",
        "Subject: Out of Office: Offer",
        "Subject: Automatic reply: Offer",
        "Subject: =?UTF-8?Q?Tr=E1=BA=A3_l=E1=BB=9Di_t=E1=BB=B1_=C4=91=E1=BB=99ng?=",
        "Subject: Abwesenheitsnotiz: Offer"
      })
  void anAutoReplyMarkedOnlyByOneMarker(String marker) {
    String mail =
        "From: An <an@example.vn>\r\n"
            + "To: bounces+ReplyTok@example.com\r\n"
            + (marker.startsWith("Subject:") ? "" : "Subject: Re: Offer\r\n")
            + marker
            + "\r\n"
            + "In-Reply-To: <original-10@custodian.example>\r\n"
            + "\r\n"
            + "I am away until Monday.\r\n";

    ReturnedMail returned = classify(mail);

    assertEquals(Kind.AUTO_REPLY, returned.kind());
    assertEquals(Optional.of("an@example.vn"), returned.recipient());
    assertEquals(Optional.of("ReplyTok"), returned.verpToken());
    assertEquals(Optional.of("<original-10@custodian.example>"), returned.originalMessageId());
    assertEquals("", returned.redactedDiagnostic());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Auto-Submitted: no", "Precedence: bulk", "X-Auto-Response-Suppress: All"})
  void aPersonsMessageWithTheseIsNoAutoReply(String header) {
    String mail =
        "From: an@example.vn\r\nReturn-Path: <an@example.vn>\r\nTo: returns@example.com\r\n"
            + "Subject: Re: Offer\r\n"
            + header
            + "\r\n\r\nThanks!\r\n";

    assertEquals(Kind.UNMATCHED, classify(mail).kind());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Re: Undeliverable parcel, could not be delivered",
        "Fwd: Returned mail: see transcript for details",
        "AW: Delivery failed"
      })
  void aPersonsReplyAboutDeliveryIsNoBounce(String subject) {
    String mail =
        "From: An <an@example.vn>\r\nReturn-Path: <an@example.vn>\r\n"
            + "To: bounces+HumanTok@example.com\r\nSubject: "
            + subject
            + "\r\nIn-Reply-To: <original-11@custodian.example>\r\n\r\n"
            + "My parcel could not be delivered, the courier said 550. Friend: b@example.org\r\n";

    assertEquals(Kind.UNMATCHED, classify(mail).kind());
  }

  // ---- DSN rules ----

  @Test
  void aHardFailureWinsOverASoftOneWhateverTheOrder() {
    String mail =
        dsn(
            "To: bounces+Multi@example.com\r\n",
            "Reporting-MTA: dns; mx.example.net\r\n",
            "Final-Recipient: rfc822; slow@example.org\r\nAction: delayed\r\nStatus: 4.4.7\r\n"
                + "\r\n"
                + "Final-Recipient: rfc822; gone@example.org\r\nAction: failed\r\nStatus: 5.1.1\r\n",
            null,
            null);

    ReturnedMail returned = classify(mail);

    assertEquals(Kind.HARD_BOUNCE, returned.kind());
    assertEquals(Optional.of("gone@example.org"), returned.recipient());
    assertEquals(Optional.of("5.1.1"), returned.statusCode());
  }

  @Test
  void aSuccessNoticeIsNeitherABounceNorAnAutoReply() {
    // Postfix marks every DSN Auto-Submitted, success notices (NOTIFY=SUCCESS) included.
    String mail =
        dsn(
                "To: bounces+Ok@example.com\r\nAuto-Submitted: auto-replied\r\n",
                "Reporting-MTA: dns; mx.example.net\r\n",
                "Final-Recipient: rfc822; fine@example.org\r\nAction: delivered\r\n"
                    + "Status: 2.0.0\r\nDiagnostic-Code: smtp; 250 2.0.0 Ok\r\n",
                null,
                null)
            .replace("Undelivered Mail Returned to Sender", "Successful Mail Delivery Report")
            .replace("The mail system", "Your message was successfully delivered.");

    assertEquals(Kind.UNMATCHED, classify(mail).kind());
  }

  @Test
  void theOriginalRecipientIsPreferredToTheFinalOne() {
    String mail =
        dsn(
            "To: bounces+Alias@example.com\r\n",
            "Reporting-MTA: dns; mx.example.net\r\n",
            "Original-Recipient: rfc822;sent-to@example.org\r\n"
                + "Final-Recipient: rfc822; forwarded-to@example.net\r\n"
                + "Action: failed\r\nStatus: 5.1.1\r\n",
            null,
            null);

    assertEquals(Optional.of("sent-to@example.org"), classify(mail).recipient());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "failed|4.0.0|SOFT_BOUNCE",
        "delayed|5.0.0|SOFT_BOUNCE",
        "failed|5.2.2|HARD_BOUNCE",
        "failed|5.7.1|HARD_BOUNCE",
        "failed|4.7.650|SOFT_BOUNCE",
        "delivered|2.0.0|UNMATCHED",
        "relayed|2.0.0|UNMATCHED"
      })
  void theStatusClassDecidesExceptDelayed(String row) {
    String[] cells = row.split("\\|");
    String mail =
        dsn(
            "To: bounces+Rule@example.com\r\n",
            "Reporting-MTA: dns; mx.example.net\r\n",
            "Final-Recipient: rfc822; someone@example.org\r\nAction: "
                + cells[0]
                + "\r\nStatus: "
                + cells[1]
                + "\r\n",
            null,
            null);

    assertEquals(Kind.valueOf(cells[2]), classify(mail).kind());
  }

  @Test
  void anAuthenticationFailureReportIsNoComplaintButAnAbuseReportIs() {
    String authFailure = arf("auth-failure");
    String abuse = arf("abuse");

    assertEquals(Kind.UNMATCHED, classify(authFailure).kind());
    ReturnedMail complaint = classify(abuse);
    assertEquals(Kind.COMPLAINT, complaint.kind());
    assertEquals(Optional.of("reader@example.org"), complaint.recipient());
    assertEquals(Optional.of("ArfTok"), complaint.verpToken());
    assertEquals("Feedback-Type: abuse", complaint.redactedDiagnostic());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "abuse|COMPLAINT",
        "fraud|COMPLAINT",
        "other|COMPLAINT",
        "opt-out|COMPLAINT",
        "|COMPLAINT",
        "Abuse|COMPLAINT",
        "auth-failure|UNMATCHED",
        "not-spam|UNMATCHED",
        "virus|UNMATCHED"
      })
  void whichFeedbackTypesAreComplaints(String row) {
    String[] cells = row.split("\\|");

    assertEquals(Kind.valueOf(cells[1]), classify(arf(cells[0])).kind());
  }

  @Test
  void anOversizedTokenOrMessageIdIsIgnored() {
    String huge = "A".repeat(300);
    String unsubscribe =
        "From: an@example.vn\r\nTo: returns@example.com\r\nSubject: unsubscribe "
            + huge
            + "\r\nMessage-ID: <"
            + huge
            + "@example.vn>\r\n\r\nbye\r\n";

    ReturnedMail returned = classify(unsubscribe);

    assertEquals(Kind.UNMATCHED, returned.kind());
    assertEquals(Optional.empty(), returned.reportMessageId());
    assertEquals(
        Optional.empty(), classify(autoReplyTo("bounces+" + huge + "@example.com")).verpToken());
  }

  // ---- redaction ----

  @Test
  void theDiagnosticKeepsNoAddressNorOtherPersonalData() {
    String diagnostic =
        "smtp; 550 5.1.1 <An.Nguyen@Example.org>... mailbox an.nguyen unknown; also"
            + " \"an nguyen\"@example.org, người.dùng@ví-dụ.vn, mailto:x@y.z, from [203.0.113.9]"
            + " and 2001:db8::1, call +84 912 345 678, see"
            + " https://help.example.net/bounce?rcpt=an.nguyen%40example.org "
            + "x".repeat(300);
    String mail =
        dsn(
            "To: bounces+Red@example.com\r\n",
            "Reporting-MTA: dns; mx.example.net\r\n",
            "Final-Recipient: rfc822; an.nguyen@example.org\r\nAction: failed\r\nStatus: 5.1.1\r\n"
                + "Diagnostic-Code: "
                + diagnostic
                + "\r\n",
            null,
            null);

    String redacted = classify(mail).redactedDiagnostic();

    assertTrue(
        redacted.startsWith("smtp; 550 5.1.1 <address>... mailbox <address> unknown"), redacted);
    for (String personal :
        new String[] {
          "@", "nguyen", "người", "203.0.113.9", "2001:db8", "912 345", "rcpt=", "%40"
        }) {
      assertFalse(redacted.toLowerCase().contains(personal), personal + " in " + redacted);
    }
    assertTrue(redacted.length() <= 200, redacted);
  }

  @Test
  void aResultPrintsNoAddress() {
    ReturnedMail returned =
        classify(
            dsn(
                "To: bounces+Print@example.com\r\n",
                "Reporting-MTA: dns; mx.example.net\r\n",
                "Final-Recipient: rfc822; an@example.org\r\nAction: failed\r\nStatus: 5.1.1\r\n",
                null,
                null));

    assertEquals(Optional.of("an@example.org"), returned.recipient());
    assertFalse(returned.toString().contains("an@example.org"), returned.toString());
  }

  // ---- malformed and huge ----

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "\r\n\r\n",
        "not a message at all",
        "From: <<<@@@>>>\r\nSubject: =?bogus?X?zz?=\r\nContent-Type: multipart/report;"
            + " boundary=\r\n\r\n--\r\n",
        "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: message/rfc822"
            + "\r\n\r\n\u0000\u0001\u0002\r\n",
        "Content-Type: text/plain; charset=no-such-charset\r\nContent-Transfer-Encoding: base64"
            + "\r\n\r\n@@@not base64@@@\r\n",
        "Content-Type: ;;;\r\nMIME-Version: 9\r\n\r\nbody\r\n",
        "Subject: \u00ff\u00fe raw bytes\r\nFrom: \u00e9@\u00e9\r\n\r\n\u00ff\r\n"
      })
  void aMalformedMessageIsUnmatchedAndNeverThrows(String raw) {
    ReturnedMail returned = classifier.classify(raw.getBytes(StandardCharsets.ISO_8859_1));

    assertEquals(Kind.UNMATCHED, returned.kind());
  }

  @Test
  void aTruncatedDsnStillCounts() {
    String mail =
        dsn(
            "To: bounces+Cut@example.com\r\n",
            "Reporting-MTA: dns; mx.example.net\r\n",
            "Final-Recipient: rfc822; gone@example.org\r\nAction: failed\r\nStatus: 5.1.1\r\n",
            "message/rfc822",
            "Subject: Offer\r\n\r\nbody\r\n");
    String cut = mail.substring(0, mail.indexOf("--B\r\nContent-Type: message/rfc822"));

    assertEquals(Kind.HARD_BOUNCE, classify(cut).kind());
  }

  @Test
  void deeplyNestedMultipartsStopAtTheDepthLimit() {
    StringBuilder mail = new StringBuilder("From: someone@example.org\r\n");
    int depth = 2_000;
    for (int i = 0; i < depth; i++) {
      mail.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\r\n\r\n");
      mail.append("--b").append(i).append("\r\n");
    }
    mail.append("Content-Type: text/plain\r\n\r\nhi\r\n");

    assertEquals(Kind.UNMATCHED, classify(mail.toString()).kind());
  }

  @Test
  void aHugeReturnIsReadOnlyUpToTheCap() throws IOException {
    String head =
        dsn(
                "To: bounces+Huge@example.com\r\n",
                "Reporting-MTA: dns; mx.example.net\r\n",
                "Final-Recipient: rfc822; gone@example.org\r\nAction: failed\r\nStatus: 5.1.1\r\n",
                "message/rfc822",
                "Message-ID: <huge-1@custodian.example>\r\nSubject: Offer\r\n\r\n")
            .replace("\r\nbody\r\n--B--\r\n", "");
    CountingStream raw = new CountingStream(head.getBytes(StandardCharsets.US_ASCII), 2L << 30);

    ReturnedMail returned = classifier.classify(raw);

    assertEquals(Kind.HARD_BOUNCE, returned.kind());
    assertEquals(Optional.of("Huge"), returned.verpToken());
    assertEquals(Optional.of("<huge-1@custodian.example>"), returned.originalMessageId());
    assertTrue(raw.read <= ReturnClassifier.MAX_MESSAGE_BYTES, "read " + raw.read);
  }

  @Test
  void aHugeTextBounceIsCappedToo() {
    String mail =
        "From: MAILER-DAEMON@mx.example.net\r\nTo: bounces+Big@example.com\r\n"
            + "Subject: failure notice\r\n\r\n"
            + "<gone@example.org>:\r\nRemote host said: 550 5.1.1 User unknown\r\n"
            + "filler line\r\n".repeat(400_000);

    ReturnedMail returned = classifier.classify(mail.getBytes(StandardCharsets.US_ASCII));

    assertEquals(Kind.HARD_BOUNCE, returned.kind());
    assertEquals(Optional.of("gone@example.org"), returned.recipient());
  }

  // ---- helpers ----

  private ReturnedMail classify(String raw) {
    return classifier.classify(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static String autoReplyTo(String to) {
    return "From: an@example.vn\r\nTo: "
        + to
        + "\r\nSubject: Re: Offer\r\nAuto-Submitted: auto-replied\r\n\r\nAway.\r\n";
  }

  /** A multipart/report DSN: text, delivery-status and optionally the original (or its header). */
  static String dsn(
      String headers,
      String perMessage,
      String perRecipient,
      String originalType,
      String original) {
    StringBuilder mail =
        new StringBuilder()
            .append("From: Mail Delivery System <MAILER-DAEMON@mx.example.net>\r\n")
            .append(headers)
            .append("Subject: Undelivered Mail Returned to Sender\r\n")
            .append("MIME-Version: 1.0\r\n")
            .append(
                "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\r\n")
            .append("\r\n--B\r\nContent-Type: text/plain\r\n\r\nThe mail system\r\n")
            .append("\r\n--B\r\nContent-Type: message/delivery-status\r\n\r\n")
            .append(perMessage)
            .append("\r\n")
            .append(perRecipient);
    if (originalType != null) {
      mail.append("\r\n--B\r\nContent-Type: ").append(originalType).append("\r\n\r\n");
      mail.append(original);
      if (originalType.equals("message/rfc822") && !original.contains("\r\n\r\n")) {
        mail.append("\r\n");
      }
      mail.append("\r\nbody\r\n--B--\r\n");
    } else {
      mail.append("\r\n--B--\r\n");
    }
    return mail.toString();
  }

  private static String arf(String feedbackType) {
    return "From: feedback@isp.example\r\n"
        + "To: abuse@example.com\r\n"
        + "Subject: FW: Offer\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: multipart/report; report-type=feedback-report; boundary=\"F\"\r\n"
        + "\r\n--F\r\nContent-Type: text/plain\r\n\r\nA complaint.\r\n"
        + "\r\n--F\r\nContent-Type: message/feedback-report\r\n\r\n"
        + "Feedback-Type: "
        + feedbackType
        + "\r\nUser-Agent: Test/1.0\r\nVersion: 1\r\n"
        + "Original-Mail-From: <bounces+ArfTok@example.com>\r\n"
        + "Original-Rcpt-To: <reader@example.org>\r\n"
        + "\r\n--F\r\nContent-Type: message/rfc822\r\n\r\n"
        + "From: news@example.com\r\nTo: reader@example.org\r\nSubject: Offer\r\n\r\nbody\r\n"
        + "--F--\r\n";
  }

  /** The given head, then {@code tail} bytes of 'x'; counts what was read. */
  static final class CountingStream extends InputStream {
    private final byte[] head;
    private final long length;
    long read;

    CountingStream(byte[] head, long tail) {
      this.head = head;
      this.length = head.length + tail;
    }

    @Override
    public int read() {
      if (read >= length) {
        return -1;
      }
      int value = read < head.length ? head[(int) read] & 0xff : 'x';
      read++;
      return value;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) {
      if (read >= length) {
        return -1;
      }
      int n = (int) Math.min(count, length - read);
      for (int i = 0; i < n; i++) {
        buffer[offset + i] = read < head.length ? head[(int) read] : (byte) 'x';
        read++;
      }
      return n;
    }
  }
}
