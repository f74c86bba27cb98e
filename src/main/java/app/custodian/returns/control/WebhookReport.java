package app.custodian.returns.control;

import app.custodian.returns.control.ReturnedMail.Kind;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A provider's report to {@code POST /api/v1/mail-returns}: {@code
 * {"type":"bounce|soft-bounce|complaint|unsubscribe","recipient","messageId","diagnostic","occurredAt"}},
 * as a {@link ReturnedMail} with a redacted diagnostic.
 */
public record WebhookReport(ReturnedMail returned, Optional<Instant> occurredAt) {

  private static final Map<String, Kind> TYPES =
      Map.of(
          "bounce", Kind.HARD_BOUNCE,
          "soft-bounce", Kind.SOFT_BOUNCE,
          "complaint", Kind.COMPLAINT,
          "unsubscribe", Kind.UNSUBSCRIBE);
  private static final int MAX_FIELD = 2_000;

  /** A field that is wrong, and why (never its value). */
  public static final class Invalid extends Exception {
    private final Map<String, String> errors;

    Invalid(Map<String, String> errors) {
      super("invalid report: " + errors.keySet());
      this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
      return errors;
    }
  }

  public static WebhookReport parse(byte[] body) throws Invalid {
    JsonObject json;
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new Invalid(Map.of("body", "must be a JSON object"));
      }
      json = value.asJsonObject();
    } catch (JsonException | IllegalStateException malformed) {
      throw new Invalid(Map.of("body", "is not valid JSON"));
    }
    Map<String, String> errors = new LinkedHashMap<>();
    Optional<String> type = text(json, "type", errors);
    Optional<String> recipient = text(json, "recipient", errors);
    Optional<String> messageId = text(json, "messageId", errors);
    Optional<String> diagnostic = text(json, "diagnostic", errors);
    Optional<String> occurredAt = text(json, "occurredAt", errors);
    Kind kind = type.map(TYPES::get).orElse(null);
    if (kind == null && !errors.containsKey("type")) {
      errors.put("type", "must be bounce, soft-bounce, complaint or unsubscribe");
    }
    if (recipient.isEmpty() && messageId.isEmpty() && errors.isEmpty()) {
      errors.put("recipient", "recipient or messageId is required");
    }
    Optional<Instant> at = Optional.empty();
    if (occurredAt.isPresent()) {
      try {
        at = Optional.of(OffsetDateTime.parse(occurredAt.get()).toInstant());
      } catch (DateTimeParseException e) {
        errors.put("occurredAt", "must be an ISO-8601 date-time with an offset");
      }
    }
    Optional<String> id =
        messageId.flatMap(OriginalHeaders::messageId).map(WebhookReport::bracketed);
    if (messageId.isPresent() && id.isEmpty()) {
      errors.put("messageId", "is not a Message-ID");
    }
    if (!errors.isEmpty()) {
      throw new Invalid(errors);
    }
    Optional<String> address = recipient.flatMap(Addresses::first);
    ReturnedMail returned =
        new ReturnedMail(
            kind,
            Optional.empty(),
            address,
            Optional.empty(),
            id,
            Optional.empty(),
            Optional.empty(),
            DiagnosticRedaction.redact(
                diagnostic.orElse(""), address.map(List::of).orElse(List.of())),
            Optional.empty());
    return new WebhookReport(returned, at);
  }

  private static String bracketed(String id) {
    return id.startsWith("<") ? id : "<" + id + ">";
  }

  private static Optional<String> text(JsonObject json, String name, Map<String, String> errors) {
    JsonValue value = json.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      if (name.equals("type")) {
        errors.put(name, "is required");
      }
      return Optional.empty();
    }
    if (!(value instanceof JsonString string)) {
      errors.put(name, "must be a string");
      return Optional.empty();
    }
    String text = string.getString().strip();
    if (text.length() > MAX_FIELD) {
      errors.put(name, "is too long");
      return Optional.empty();
    }
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }
}
