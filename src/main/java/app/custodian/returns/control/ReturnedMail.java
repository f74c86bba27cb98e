package app.custodian.returns.control;

import java.util.Objects;
import java.util.Optional;

/**
 * What one returned email is, and what identifies the message it answers. Every value may be empty;
 * the caller decides which identifier it trusts (tokens are not verified here).
 *
 * @param kind what the returned email is
 * @param statusCode the enhanced status code (RFC 3463), e.g. {@code 5.1.1}, of a bounce
 * @param recipient the address the return is about: the failed recipient of a bounce, the
 *     complaining recipient of a complaint, the sender ({@code From}, which anybody can forge) of
 *     an unsubscribe or auto-reply
 * @param verpToken the TOKEN of {@code local+TOKEN@domain}, the VERP envelope sender the original
 *     message was sent with
 * @param originalMessageId the {@code Message-ID} of the original message, angle brackets included
 * @param originalUnsubscribeToken the token of the original message's {@code List-Unsubscribe}
 * @param unsubscribeToken the word after "unsubscribe" in the subject of a mailto unsubscribe
 * @param redactedDiagnostic the diagnostic or status text with addresses and other personal data
 *     replaced, at most 200 characters; empty when there is none. Never the returned body.
 * @param reportMessageId the {@code Message-ID} of the returned email itself
 */
public record ReturnedMail(
    Kind kind,
    Optional<String> statusCode,
    Optional<String> recipient,
    Optional<String> verpToken,
    Optional<String> originalMessageId,
    Optional<String> originalUnsubscribeToken,
    Optional<String> unsubscribeToken,
    String redactedDiagnostic,
    Optional<String> reportMessageId) {

  public enum Kind {
    HARD_BOUNCE,
    SOFT_BOUNCE,
    COMPLAINT,
    UNSUBSCRIBE,
    AUTO_REPLY,
    UNMATCHED
  }

  public ReturnedMail {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(statusCode, "statusCode");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(verpToken, "verpToken");
    Objects.requireNonNull(originalMessageId, "originalMessageId");
    Objects.requireNonNull(originalUnsubscribeToken, "originalUnsubscribeToken");
    Objects.requireNonNull(unsubscribeToken, "unsubscribeToken");
    Objects.requireNonNull(redactedDiagnostic, "redactedDiagnostic");
    Objects.requireNonNull(reportMessageId, "reportMessageId");
  }

  /** A returned email that is none of the known kinds: nothing but its own id. */
  public static ReturnedMail unmatched(Optional<String> reportMessageId) {
    return new ReturnedMail(
        Kind.UNMATCHED,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        "",
        reportMessageId);
  }

  @Override
  public String toString() {
    // Keeps the recipient out of anything that prints a result.
    return "ReturnedMail[kind="
        + kind
        + ", statusCode="
        + statusCode.orElse("-")
        + ", reportMessageId="
        + reportMessageId.orElse("-")
        + "]";
  }
}
