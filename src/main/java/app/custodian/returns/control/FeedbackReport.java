package app.custodian.returns.control;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code message/feedback-report} body (ARF, RFC 5965).
 *
 * <p>Only a report of what the recipient did or said is a complaint: {@code abuse}, {@code fraud},
 * {@code other}, {@code opt-out} (and a report with no or an unknown type, to err on the
 * recipient's side). {@code auth-failure} (RFC 6591) reports a message that failed SPF, DKIM or
 * DMARC, typically one forged in the sender's name; {@code not-spam} (RFC 6430) is the opposite of
 * a complaint; {@code virus} is the receiver's scanner. None of these says the person wants no more
 * mail, so they are not complaints and withdraw no consent.
 */
final class FeedbackReport {

  private static final Set<String> NOT_COMPLAINTS = Set.of("auth-failure", "not-spam", "virus");

  private final Map<String, String> fields;

  private FeedbackReport(Map<String, String> fields) {
    this.fields = fields;
  }

  static FeedbackReport parse(Iterable<String> bodies) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String body : bodies) {
      FieldBlocks.merged(body).forEach(fields::putIfAbsent);
    }
    return new FeedbackReport(fields);
  }

  String feedbackType() {
    return fields.getOrDefault("feedback-type", "").strip().toLowerCase(Locale.ROOT);
  }

  boolean isComplaint() {
    return !NOT_COMPLAINTS.contains(feedbackType());
  }

  /** The reported recipient: {@code Original-Rcpt-To}, else {@code Removal-Recipient}. */
  Optional<String> recipient() {
    return Addresses.first(fields.get("original-rcpt-to"))
        .or(() -> Addresses.first(fields.get("removal-recipient")));
  }

  /** The original envelope sender, where the VERP token shows. */
  String originalMailFrom() {
    return fields.getOrDefault("original-mail-from", "");
  }
}
