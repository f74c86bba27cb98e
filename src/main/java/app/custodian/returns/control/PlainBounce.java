package app.custodian.returns.control;

import app.custodian.returns.control.StatusCodes.Severity;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bounce that is not a {@code multipart/report} (qmail, Exim, older Exchange, Yahoo, Gmail before
 * 2015): recognised by its sender ({@code MAILER-DAEMON}, {@code postmaster}), its subject (not a
 * reply's or a forward's) or an {@code X-Failed-Recipients} field, and confirmed by a status code
 * or failure wording in its text.
 *
 * <p>Only the text above the copy of the original message counts. Severity: the enhanced status
 * code's (see {@link StatusCodes}); without one, delay wording makes it soft, else a basic SMTP
 * reply code decides by its class, else wording that names a permanent cause ("user unknown", "not
 * recognized") makes it hard; a failure that says nothing more is soft.
 */
record PlainBounce(
    Severity severity,
    Optional<String> statusCode,
    Optional<String> recipient,
    String diagnostic,
    Optional<OriginalHeaders> inlineOriginal) {

  private static final int LEAD = 24;
  private static final Pattern SUBJECT =
      Pattern.compile(
          "(?i)undeliver|delivery status notification|failure notice|returned mail|"
              + "mail delivery failed|delivery failure|delivery failed|delayed mail|"
              + "message delayed|could not send message|delivery has failed|mail system error|"
              + "returned to sender|not delivered|non remis|unzustellbar|nicht zustellbar|"
              + "warning: message [^\\n]{0,100}delayed");
  // A person writing about a failed delivery: "Re: Undeliverable parcel".
  private static final Pattern REPLY_OR_FORWARD =
      Pattern.compile("(?i)^\\s*(?:re|fw|fwd|aw|wg|sv|vs|antw|tr|rif|r)\\s*(?:\\[\\d+\\])?\\s*:");
  private static final Pattern DAEMON_NAME =
      Pattern.compile("(?i)mail delivery (subsystem|system)|mailer-daemon|postmaster");
  private static final Pattern ORIGINAL_MARKER =
      Pattern.compile(
          "(?im)^[ \\t]{0,20}(?:-{2,80}[^\\n]{0,80}?(?:original message|copy of the message|"
              + "below this line|returned message|undelivered message|message headers|"
              + "original headers)[^\\n]{0,80}|original message headers:"
              + "|original message follows[^\\n]{0,80})[ \\t]*\\r?$");
  private static final Pattern DELAY =
      Pattern.compile(
          "(?i)\\bdelayed\\b|will be retried|still being retried|warning message only|"
              + "temporary failure|temporarily|not yet been delivered|will continue");
  private static final Pattern PERMANENT =
      Pattern.compile(
          "(?i)permanent|user unknown|unknown user|unknown recipient|no such user|"
              + "does not exist|doesn't exist|not recognized|recipient not found|"
              + "address rejected|mailbox unavailable|invalid recipient|no mailbox");
  private static final Pattern FAILURE =
      Pattern.compile(
          "(?i)could not be delivered|couldn't be delivered|unable to deliver|"
              + "(?:wasn't|was not) able to deliver|did not reach|delivery to the following|"
              + "delivery has failed|failed permanently|undeliverable|could not send|giving up|"
              + "delivery failed|address(?:\\(es\\))? failed|has been delayed|not yet been delivered");
  private static final Pattern RECIPIENT_FIELD =
      Pattern.compile("(?im)^[ \\t]*(?:original|final)-recipient:[ \\t]*rfc822;[ \\t]*(\\S+)");
  private static final Pattern QMAIL_RECIPIENT =
      Pattern.compile("(?m)^[ \\t]*<(" + Addresses.ADDRESS.pattern() + ")>:");

  /** What a bounce needs beyond its text: who sent it, its subject, its own addresses. */
  record Envelope(
      String from,
      String fromDisplay,
      String subject,
      String failedRecipients,
      Collection<String> ownAddresses) {}

  static Optional<PlainBounce> examine(Envelope envelope, String text) {
    String subject = envelope.subject();
    boolean fromDaemon =
        Addresses.isDaemon(envelope.from()) || DAEMON_NAME.matcher(envelope.fromDisplay()).find();
    boolean failedRecipients = !envelope.failedRecipients().isBlank();
    boolean bounceSubject =
        SUBJECT.matcher(subject).find() && !REPLY_OR_FORWARD.matcher(subject).find();
    if (!fromDaemon && !failedRecipients && !bounceSubject) {
      return Optional.empty();
    }
    Matcher marker = ORIGINAL_MARKER.matcher(text);
    boolean hasMarker = marker.find();
    String report = hasMarker ? text.substring(0, marker.start()) : text;
    Optional<String> code = StatusCodes.inText(report);
    String wording = subject + "\n" + report;
    if (code.isEmpty() && !failedRecipients && !FAILURE.matcher(wording).find()) {
      return Optional.empty();
    }
    Optional<OriginalHeaders> original =
        hasMarker
            ? OriginalHeaders.parse(
                text.substring(marker.end()).getBytes(StandardCharsets.ISO_8859_1))
            : Optional.empty();
    return Optional.of(
        new PlainBounce(
            severity(code, wording, report),
            code,
            recipient(envelope, report),
            diagnostic(code, report),
            original));
  }

  private static Severity severity(Optional<String> code, String wording, String report) {
    if (code.isPresent()) {
      return StatusCodes.severity(code.get()).orElse(Severity.SOFT);
    }
    if (DELAY.matcher(wording).find()) {
      return Severity.SOFT;
    }
    Optional<Matcher> reply = StatusCodes.replyCode(report);
    if (reply.isPresent()) {
      return reply.get().group(1).startsWith("5") ? Severity.HARD : Severity.SOFT;
    }
    return PERMANENT.matcher(wording).find() ? Severity.HARD : Severity.SOFT;
  }

  private static Optional<String> recipient(Envelope envelope, String report) {
    Optional<String> failed = Addresses.first(envelope.failedRecipients());
    if (failed.isPresent()) {
      return failed;
    }
    Matcher field = RECIPIENT_FIELD.matcher(report);
    if (field.find()) {
      Optional<String> address = Addresses.first(field.group(1));
      if (address.isPresent()) {
        return address;
      }
    }
    Matcher qmail = QMAIL_RECIPIENT.matcher(report);
    if (qmail.find()) {
      return Optional.of(qmail.group(1));
    }
    return Addresses.all(report).stream()
        .filter(address -> !Addresses.isDaemon(address))
        .filter(
            address ->
                envelope.ownAddresses().stream().noneMatch(o -> Addresses.sameAddress(o, address)))
        .findFirst();
  }

  /** The line that states the code, else the first line with failure wording. */
  private static String diagnostic(Optional<String> code, String report) {
    int at = code.map(c -> StatusCodes.positionInText(report, c)).orElse(-1);
    if (at < 0) {
      at = StatusCodes.replyCode(report).map(Matcher::start).orElse(-1);
    }
    if (at < 0) {
      for (Pattern wording : new Pattern[] {PERMANENT, DELAY, FAILURE}) {
        Matcher matcher = wording.matcher(report);
        if (matcher.find()) {
          at = matcher.start();
          break;
        }
      }
    }
    if (at < 0) {
      return "";
    }
    int start = Math.max(report.lastIndexOf('\n', at) + 1, 0);
    if (at - start > LEAD) {
      // A long paragraph (quoted-printable joins lines): start a few words before the code.
      int space = report.indexOf(' ', at - LEAD);
      start = space < 0 || space >= at ? at : space + 1;
    }
    int end = report.indexOf('\n', at);
    return report.substring(start, end < 0 ? report.length() : end).strip();
  }
}
