package app.custodian.customer.control;

import app.custodian.customer.boundary.CustomerInput;
import app.custodian.platform.control.FieldError;
import app.custodian.platform.control.ProblemException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Applies an RFC 7396 merge patch to a customer's fields: a value replaces, null removes. */
public final class CustomerMergePatch {

  static final Set<String> FIELDS =
      Set.of(
          "fullName", "email", "phone", "address", "organization", "jobTitle", "fax", "locale",
          "source");

  private CustomerMergePatch() {}

  public static CustomerInput apply(CustomerInput current, JsonObject patch) {
    Map<String, String> values = new HashMap<>(asMap(current));
    List<FieldError> errors = new ArrayList<>();
    patch.forEach(
        (field, value) -> {
          if (!FIELDS.contains(field)) {
            errors.add(new FieldError(field, "is not a customer field"));
          } else if (value.getValueType() == JsonValue.ValueType.NULL) {
            values.put(field, null);
          } else if (value instanceof JsonString text) {
            values.put(field, text.getString());
          } else {
            errors.add(new FieldError(field, "must be a string or null"));
          }
        });
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    return new CustomerInput(
        values.get("fullName"),
        values.get("email"),
        values.get("phone"),
        values.get("address"),
        values.get("organization"),
        values.get("jobTitle"),
        values.get("fax"),
        values.get("locale"),
        values.get("source"));
  }

  private static Map<String, String> asMap(CustomerInput input) {
    Map<String, String> map = new HashMap<>();
    map.put("fullName", input.fullName());
    map.put("email", input.email());
    map.put("phone", input.phone());
    map.put("address", input.address());
    map.put("organization", input.organization());
    map.put("jobTitle", input.jobTitle());
    map.put("fax", input.fax());
    map.put("locale", input.locale());
    map.put("source", input.source());
    return map;
  }
}
