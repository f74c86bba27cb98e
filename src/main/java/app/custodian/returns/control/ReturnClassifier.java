package app.custodian.returns.control;

import app.custodian.returns.control.ReturnedMail.Kind;
import app.custodian.returns.control.StatusCodes.Severity;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.StoreClosedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells what a returned email is, the first that fits in this order: a complaint (ARF, or
 * Microsoft's JMRP layout), a hard or soft bounce by its DSN, a {@code mailto:} unsubscribe, a
 * non-standard bounce, an auto-reply; else unmatched. Extracts what identifies the original
 * message: the VERP token of the bounce address it was sent from, its Message-ID (an auto-reply's
 * {@code In-Reply-To} when no original is attached) and its List-Unsubscribe token. Tokens are not
 * verified here.
 *
 * <p>Reads at most {@value #MAX_MESSAGE_BYTES} bytes of a message (a DSN's report comes before the
 * returned message, RFC 3464 2.1) and a bounded part of each MIME part (see {@link MessageScan}). A
 * message it cannot parse is {@link Kind#UNMATCHED}. Logs nothing. Thread-safe.
 *
 * <p>Rules: {@link StatusCodes} (4.x.x soft, 5.x.x hard, mailbox full included), {@link
 * DeliveryStatusReport} (several recipients, {@code Action: delayed}), {@link FeedbackReport}
 * (which feedback types are complaints), {@link PlainBounce}, {@link AutoReplies}. A mailto
 * unsubscribe is a message whose whole subject is {@code unsubscribe <token>}.
 */
public final class ReturnClassifier {

  public static final int MAX_MESSAGE_BYTES = 1024 * 1024;

  private static final List<String> ENVELOPE_HEADERS =
      List.of("To", "Delivered-To", "X-Original-To", "Envelope-To", "X-Envelope-To");
  private static final Pattern UNSUBSCRIBE =
      Pattern.compile("(?i)^\\s*unsubscribe\\s+([A-Za-z0-9_.\\-]{1,256})\\s*$");
  private static final Session SESSION = Session.getInstance(sessionProperties());

  private final Optional<VerpTokens> verp;

  /**
   * @param bounceLocalPart the local part of the bounce address, {@code bounces} for {@code
   *     bounces+TOKEN@example.com}
   * @param bounceDomain its domain, {@code example.com}
   */
  public ReturnClassifier(String bounceLocalPart, String bounceDomain) {
    this.verp = Optional.of(new VerpTokens(bounceLocalPart, bounceDomain));
  }

  private ReturnClassifier() {
    this.verp = Optional.empty();
  }

  /** For the bounce address {@code bounces@example.com}. */
  public static ReturnClassifier forBounceAddress(String address) {
    int at = address == null ? -1 : address.lastIndexOf('@');
    if (at <= 0 || at == address.length() - 1) {
      throw new IllegalArgumentException("not an address: local@domain expected");
    }
    return new ReturnClassifier(
        address.substring(0, at).strip(), address.substring(at + 1).strip());
  }

  /** Without a bounce address (no VERP): {@code verpToken} is always empty. */
  public static ReturnClassifier withoutVerp() {
    return new ReturnClassifier();
  }

  /**
   * Reads at most {@link #MAX_MESSAGE_BYTES} of the raw RFC 5322 message; the rest stays unread.
   */
  public ReturnedMail classify(InputStream rawMessage) throws IOException {
    return classify(rawMessage.readNBytes(MAX_MESSAGE_BYTES));
  }

  public ReturnedMail classify(byte[] rawMessage) {
    byte[] bytes =
        rawMessage.length > MAX_MESSAGE_BYTES
            ? Arrays.copyOf(rawMessage, MAX_MESSAGE_BYTES)
            : rawMessage;
    MimeMessage message;
    try {
      message = new MimeMessage(SESSION, new SharedByteArrayInputStream(bytes));
    } catch (MessagingException | RuntimeException malformed) {
      return ReturnedMail.unmatched(Optional.empty());
    }
    try {
      return classify(message);
    } catch (MessagingException unreadable) {
      return ReturnedMail.unmatched(Optional.empty());
    }
  }

  /**
   * Classifies a message read from a mailbox, reading only the parts it needs. Throws only when the
   * folder or store closes underneath or the message was expunged, so that the caller retries
   * instead of recording UNMATCHED.
   */
  public ReturnedMail classify(MimeMessage message) throws MessagingException {
    Optional<String> reportMessageId = Optional.empty();
    ReturnedMail returned;
    try {
      reportMessageId = OriginalHeaders.messageId(header(message, "Message-ID"));
      returned = classify(message, reportMessageId);
    } catch (FolderClosedException | StoreClosedException | MessageRemovedException gone) {
      throw gone;
    } catch (MessagingException | RuntimeException malformed) {
      returned = ReturnedMail.unmatched(reportMessageId);
    } catch (StackOverflowError tooDeep) {
      // A crafted message must not stop the job that reads the mailbox at the same message
      // each run; the patterns here are bounded, a parser's recursion may not be.
      returned = ReturnedMail.unmatched(reportMessageId);
    }
    // A part that could not be fetched counts as absent; a folder that closed meanwhile means
    // some parts were missed, so the result cannot be trusted.
    Folder folder = message.getFolder();
    if (folder != null && !folder.isOpen()) {
      throw new FolderClosedException(folder, "closed while the message was read");
    }
    return returned;
  }

  private ReturnedMail classify(MimeMessage message, Optional<String> reportMessageId)
      throws MessagingException {
    MessageScan scan = MessageScan.of(message);
    String subject = subject(message);
    Optional<InternetAddress> from = from(message);
    String fromAddress = from.map(InternetAddress::getAddress).orElse("");
    Optional<OriginalHeaders> original = scan.attachedOriginal();
    Result result = new Result(message, scan, reportMessageId);

    if (!scan.feedbackReports().isEmpty() || scan.reportType().equals("feedback-report")) {
      FeedbackReport report = FeedbackReport.parse(scan.feedbackReports());
      if (!report.isComplaint()) {
        return ReturnedMail.unmatched(reportMessageId);
      }
      Optional<String> recipient =
          report.recipient().or(() -> original.flatMap(o -> Addresses.first(o.get("To"))));
      return result.complaint(
          recipient,
          "Feedback-Type: " + report.feedbackType(),
          original,
          report.originalMailFrom());
    }
    Optional<String> jmrpRecipient =
        original.flatMap(o -> Addresses.first(o.get("X-HmXmrOriginalRecipient")));
    if (jmrpRecipient.isPresent()) {
      return result.complaint(jmrpRecipient, "Microsoft JMRP", original, "");
    }
    if (!scan.deliveryStatuses().isEmpty()) {
      DeliveryStatusReport dsn = DeliveryStatusReport.parse(scan.deliveryStatuses());
      if (dsn.failure().isPresent()) {
        DeliveryStatusReport.Failure failure = dsn.failure().get();
        List<String> envelope = new ArrayList<>();
        dsn.perMessageValues().forEach(envelope::add);
        return result.bounce(
            failure.severity(),
            failure.statusCode(),
            failure.recipient(),
            failure.diagnostic(),
            original,
            envelope);
      }
      if (dsn.hasRecipients()) {
        return ReturnedMail.unmatched(reportMessageId); // delivered or relayed: nothing failed
      }
    }
    Matcher unsubscribe = UNSUBSCRIBE.matcher(subject);
    if (unsubscribe.matches()) {
      return result.unsubscribe(Optional.of(unsubscribe.group(1)), from);
    }
    Optional<PlainBounce> plain =
        PlainBounce.examine(
            new PlainBounce.Envelope(
                fromAddress,
                from.map(InternetAddress::getPersonal).orElse(""),
                subject,
                nullToEmpty(header(message, "X-Failed-Recipients")),
                ownAddresses(message)),
            scan.text());
    if (plain.isPresent()) {
      PlainBounce bounce = plain.get();
      return result.bounce(
          bounce.severity(),
          bounce.statusCode(),
          bounce.recipient(),
          bounce.diagnostic(),
          original.or(bounce::inlineOriginal),
          List.of());
    }
    AutoReplies.Markers markers =
        new AutoReplies.Markers(
            header(message, "Auto-Submitted"),
            header(message, "X-Autoreply"),
            header(message, "X-Autorespond"),
            header(message, "X-Autoresponder"),
            header(message, "Precedence"),
            header(message, "X-Apple-Action"),
            firstHeader(message, "Return-Path"),
            subject);
    if (AutoReplies.isAutoReply(markers)) {
      return result.autoReply(from, original);
    }
    return ReturnedMail.unmatched(reportMessageId);
  }

  /** Builds results with the identifiers every kind shares. */
  private final class Result {
    private final MimeMessage message;
    private final MessageScan scan;
    private final Optional<String> reportMessageId;

    Result(MimeMessage message, MessageScan scan, Optional<String> reportMessageId) {
      this.message = message;
      this.scan = scan;
      this.reportMessageId = reportMessageId;
    }

    ReturnedMail complaint(
        Optional<String> recipient,
        String diagnostic,
        Optional<OriginalHeaders> original,
        String originalMailFrom)
        throws MessagingException {
      return of(
          Kind.COMPLAINT,
          Optional.empty(),
          recipient,
          diagnostic,
          original,
          List.of(originalMailFrom),
          Optional.empty());
    }

    ReturnedMail bounce(
        Severity severity,
        Optional<String> statusCode,
        Optional<String> recipient,
        String diagnostic,
        Optional<OriginalHeaders> original,
        List<String> originalEnvelope)
        throws MessagingException {
      Kind kind = severity == Severity.HARD ? Kind.HARD_BOUNCE : Kind.SOFT_BOUNCE;
      return of(
          kind, statusCode, recipient, diagnostic, original, originalEnvelope, Optional.empty());
    }

    ReturnedMail unsubscribe(Optional<String> token, Optional<InternetAddress> from)
        throws MessagingException {
      return of(
          Kind.UNSUBSCRIBE,
          Optional.empty(),
          from.map(InternetAddress::getAddress),
          "",
          Optional.empty(),
          List.of(),
          token);
    }

    ReturnedMail autoReply(Optional<InternetAddress> from, Optional<OriginalHeaders> original)
        throws MessagingException {
      ReturnedMail reply =
          of(
              Kind.AUTO_REPLY,
              Optional.empty(),
              from.map(InternetAddress::getAddress),
              "",
              original,
              List.of(),
              Optional.empty());
      if (reply.originalMessageId().isPresent()) {
        return reply;
      }
      return new ReturnedMail(
          reply.kind(),
          reply.statusCode(),
          reply.recipient(),
          reply.verpToken(),
          OriginalHeaders.messageId(header(message, "In-Reply-To")),
          reply.originalUnsubscribeToken(),
          reply.unsubscribeToken(),
          reply.redactedDiagnostic(),
          reply.reportMessageId());
    }

    private ReturnedMail of(
        Kind kind,
        Optional<String> statusCode,
        Optional<String> recipient,
        String diagnostic,
        Optional<OriginalHeaders> original,
        List<String> originalEnvelope,
        Optional<String> unsubscribeToken)
        throws MessagingException {
      Set<String> known = new LinkedHashSet<>();
      recipient.ifPresent(known::add);
      known.addAll(Addresses.all(header(message, "X-Failed-Recipients")));
      return new ReturnedMail(
          kind,
          statusCode,
          recipient.filter(address -> !address.isBlank()),
          verpToken(original, originalEnvelope),
          original.flatMap(OriginalHeaders::messageId),
          original.flatMap(OriginalHeaders::unsubscribeToken),
          unsubscribeToken,
          DiagnosticRedaction.redact(diagnostic, known),
          reportMessageId);
    }

    /**
     * The returned email's own envelope headers first (the VERP address it was delivered to), then
     * the original envelope as a report states it, then the original's Return-Path, then the
     * report's text.
     */
    private Optional<String> verpToken(
        Optional<OriginalHeaders> original, List<String> originalEnvelope)
        throws MessagingException {
      if (verp.isEmpty()) {
        return Optional.empty();
      }
      VerpTokens tokens = verp.get();
      for (String name : ENVELOPE_HEADERS) {
        String[] values = message.getHeader(name);
        if (values != null) {
          for (String value : values) {
            Optional<String> token = tokens.in(value);
            if (token.isPresent()) {
              return token;
            }
          }
        }
      }
      for (String value : originalEnvelope) {
        Optional<String> token = tokens.in(value);
        if (token.isPresent()) {
          return token;
        }
      }
      Optional<String> fromOriginal = original.flatMap(o -> tokens.in(o.get("Return-Path")));
      return fromOriginal.isPresent() ? fromOriginal : tokens.in(scan.text());
    }
  }

  private static Set<String> ownAddresses(MimeMessage message) throws MessagingException {
    Set<String> own = new LinkedHashSet<>();
    for (String name :
        List.of(
            "From",
            "To",
            "Cc",
            "Reply-To",
            "Sender",
            "Return-Path",
            "Delivered-To",
            "X-Original-To",
            "Envelope-To")) {
      String[] values = message.getHeader(name);
      if (values != null) {
        for (String value : values) {
          own.addAll(Addresses.all(value));
        }
      }
    }
    return own;
  }

  private static String subject(MimeMessage message) throws MessagingException {
    String raw = header(message, "Subject");
    if (raw == null) {
      return "";
    }
    try {
      return MimeUtility.decodeText(MimeUtility.unfold(raw)).strip();
    } catch (IOException | RuntimeException undecodable) {
      return MimeUtility.unfold(raw).strip();
    }
  }

  private static Optional<InternetAddress> from(MimeMessage message) throws MessagingException {
    String raw = header(message, "From");
    if (raw == null) {
      return Optional.empty();
    }
    try {
      InternetAddress[] parsed = InternetAddress.parseHeader(raw, false);
      if (parsed.length > 0 && parsed[0].getAddress() != null) {
        return Optional.of(parsed[0]);
      }
    } catch (MessagingException | RuntimeException malformed) {
      // falls through to the first address-like text
    }
    return Addresses.first(raw)
        .map(
            address -> {
              InternetAddress bare = new InternetAddress();
              bare.setAddress(address);
              return bare;
            });
  }

  /** All values of a field, joined by a comma; null when absent. */
  private static String header(MimeMessage message, String name) throws MessagingException {
    return message.getHeader(name, ",");
  }

  private static String firstHeader(MimeMessage message, String name) throws MessagingException {
    String[] values = message.getHeader(name);
    return values == null || values.length == 0 ? null : values[0];
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  private static Properties sessionProperties() {
    Properties properties = new Properties();
    properties.setProperty("mail.mime.address.strict", "false");
    return properties;
  }
}
