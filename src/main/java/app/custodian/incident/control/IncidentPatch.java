package app.custodian.incident.control;

import app.custodian.platform.control.FieldError;
import app.custodian.platform.control.ProblemException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON merge patch (RFC 7396) of an incident's answers: {@code description}, {@code nature},
 * {@code likelyConsequences}, {@code measuresTaken}, {@code delayReason} (strings up to 4000
 * characters; null or blank clears all but the description) and {@code reportedToAuthorityAt} (an
 * ISO-8601 moment, not in the future; null clears). Anything else cannot be changed.
 *
 * @param texts the text fields given, with their new value (null: cleared)
 * @param reportedAtGiven whether {@code reportedToAuthorityAt} was given
 */
public record IncidentPatch(
    Map<String, String> texts, boolean reportedAtGiven, Instant reportedAt) {

  public static final String DESCRIPTION = "description";
  public static final String REPORTED_AT = "reportedToAuthorityAt";
  public static final int MAX_TEXT = 4000;
  private static final Set<String> TEXTS =
      Set.of(DESCRIPTION, "nature", "likelyConsequences", "measuresTaken", "delayReason");

  /**
   * @throws ProblemException 400 naming every field that cannot be applied; nothing applies then
   */
  public static IncidentPatch parse(JsonObject patch, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    Map<String, String> texts = new LinkedHashMap<>();
    boolean reportedAtGiven = false;
    Instant reportedAt = null;
    for (Map.Entry<String, JsonValue> entry : patch.entrySet()) {
      String field = entry.getKey();
      JsonValue value = entry.getValue();
      if (TEXTS.contains(field)) {
        text(field, value, errors).ifPresent(t -> texts.put(field, t.value()));
      } else if (REPORTED_AT.equals(field)) {
        reportedAtGiven = true;
        if (value.getValueType() == JsonValue.ValueType.STRING) {
          reportedAt = Moments.parse(((JsonString) value).getString()).orElse(null);
          if (reportedAt == null) {
            errors.add(
                new FieldError(field, "must be an ISO-8601 moment such as 2026-11-20T08:00:00Z"));
          } else if (Moments.inTheFuture(reportedAt, now)) {
            errors.add(new FieldError(field, "must not be in the future"));
          }
        } else if (value.getValueType() != JsonValue.ValueType.NULL) {
          errors.add(new FieldError(field, "must be an ISO-8601 moment or null"));
        }
      } else {
        errors.add(new FieldError(field, "cannot be changed"));
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    return new IncidentPatch(texts, reportedAtGiven, reportedAt);
  }

  private record Text(String value) {}

  private static Optional<Text> text(String field, JsonValue value, List<FieldError> errors) {
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      if (DESCRIPTION.equals(field)) {
        errors.add(new FieldError(field, "must not be blank"));
        return Optional.empty();
      }
      return Optional.of(new Text(null));
    }
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      errors.add(new FieldError(field, "must be a string"));
      return Optional.empty();
    }
    String text = ((JsonString) value).getString().strip();
    if (text.length() > MAX_TEXT) {
      errors.add(new FieldError(field, "size must be between 0 and " + MAX_TEXT));
      return Optional.empty();
    }
    if (text.isEmpty()) {
      if (DESCRIPTION.equals(field)) {
        errors.add(new FieldError(field, "must not be blank"));
        return Optional.empty();
      }
      return Optional.of(new Text(null));
    }
    return Optional.of(new Text(text));
  }
}
