package app.custodian.returns.control;

import app.custodian.returns.control.StatusCodes.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code message/delivery-status} body (RFC 3464): the per-message fields and, of the
 * per-recipient groups, the one that matters most.
 *
 * <p>Per recipient: {@code Action: delivered}, {@code relayed} or {@code expanded} is no failure;
 * {@code Action: delayed} is soft whatever the status; otherwise the status class decides (see
 * {@link StatusCodes}), and a failure without a status code is judged by its {@code
 * Diagnostic-Code}, else counted soft. When several recipients failed, a hard failure wins over a
 * soft one, and the first of equals wins.
 */
final class DeliveryStatusReport {

  private static final List<String> NOT_FAILED = List.of("delivered", "relayed", "expanded");

  /** The recipient group that decides: its severity, status code, address and diagnostic. */
  record Failure(
      Severity severity,
      Optional<String> statusCode,
      Optional<String> recipient,
      String diagnostic) {}

  private final Map<String, String> perMessage;
  private final boolean hasRecipients;
  private final Optional<Failure> failure;

  private DeliveryStatusReport(
      Map<String, String> perMessage, boolean hasRecipients, Optional<Failure> failure) {
    this.perMessage = perMessage;
    this.hasRecipients = hasRecipients;
    this.failure = failure;
  }

  static DeliveryStatusReport parse(List<String> bodies) {
    Map<String, String> perMessage = new LinkedHashMap<>();
    List<Map<String, String>> recipients = new ArrayList<>();
    for (String body : bodies) {
      for (Map<String, String> block : FieldBlocks.parse(body)) {
        if (isRecipientGroup(block)) {
          recipients.add(block);
        } else {
          block.forEach(perMessage::putIfAbsent);
        }
      }
    }
    Failure worst = null;
    for (Map<String, String> group : recipients) {
      Failure candidate = failureOf(group);
      if (candidate != null
          && (worst == null
              || (candidate.severity() == Severity.HARD && worst.severity() == Severity.SOFT))) {
        worst = candidate;
      }
    }
    return new DeliveryStatusReport(perMessage, !recipients.isEmpty(), Optional.ofNullable(worst));
  }

  /** The recipient group that decides, if any recipient failed or was delayed. */
  Optional<Failure> failure() {
    return failure;
  }

  /** Whether the report has a recipient group at all (failed or not). */
  boolean hasRecipients() {
    return hasRecipients;
  }

  /** The per-message field values, where the original envelope (e.g. its sender) may show. */
  Iterable<String> perMessageValues() {
    return perMessage.values();
  }

  private static boolean isRecipientGroup(Map<String, String> block) {
    return block.containsKey("final-recipient")
        || block.containsKey("original-recipient")
        || block.containsKey("action")
        || block.containsKey("status");
  }

  private static Failure failureOf(Map<String, String> group) {
    String action = group.getOrDefault("action", "").toLowerCase(Locale.ROOT);
    if (NOT_FAILED.stream().anyMatch(action::startsWith)) {
      return null;
    }
    String diagnostic = group.getOrDefault("diagnostic-code", "");
    Optional<String> status =
        StatusCodes.in(group.get("status")).or(() -> StatusCodes.inText(diagnostic));
    Severity severity;
    if (action.startsWith("delayed")) {
      severity = Severity.SOFT;
    } else if (status.isPresent()) {
      Optional<Severity> ofStatus = StatusCodes.severity(status.get());
      if (ofStatus.isEmpty()) {
        return null; // 2.x.x: success
      }
      severity = ofStatus.get();
    } else {
      severity =
          StatusCodes.replyCode(diagnostic)
              .filter(reply -> reply.group(1).startsWith("5"))
              .map(reply -> Severity.HARD)
              .orElse(Severity.SOFT);
    }
    Optional<String> recipient =
        Addresses.ofTypedField(group.get("original-recipient"))
            .or(() -> Addresses.ofTypedField(group.get("final-recipient")))
            .or(() -> Addresses.ofTypedField(group.get("x-actual-recipient")));
    String stated =
        diagnostic.replaceFirst("^[^;]*;", "").isBlank()
            ? "Action: "
                + group.getOrDefault("action", "")
                + "; Status: "
                + group.getOrDefault("status", "")
            : diagnostic;
    return new Failure(severity, status, recipient, stated);
  }
}
