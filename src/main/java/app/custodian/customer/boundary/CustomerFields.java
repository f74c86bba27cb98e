package app.custodian.customer.boundary;

import app.custodian.customer.control.CustomerMergePatch;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A customer's fields as a form edits them, by their API names: what the form shows, the {@link
 * CustomerInput} it stands for, and the merge patch of {@code PATCH /customers/{id}} that turns one
 * version into another. A blank field is an absent one.
 */
public final class CustomerFields {

  /** The fields staff may rectify, in the order of the form. */
  public static final List<String> EDITABLE =
      List.of("fullName", "email", "phone", "address", "organization", "jobTitle", "fax", "locale");

  private CustomerFields() {}

  /** A new customer's form: Vietnamese unless changed. */
  public static Map<String, String> blank() {
    Map<String, String> fields = new LinkedHashMap<>();
    EDITABLE.forEach(name -> fields.put(name, null));
    fields.put("locale", "vi");
    fields.put("source", null);
    return fields;
  }

  public static Map<String, String> of(CustomerView customer) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("fullName", customer.fullName());
    fields.put("email", customer.email());
    fields.put("phone", customer.phone());
    fields.put("address", customer.address());
    fields.put("organization", customer.organization());
    fields.put("jobTitle", customer.jobTitle());
    fields.put("fax", customer.fax());
    fields.put("locale", customer.locale());
    return fields;
  }

  /** The input the API would have received for these fields. */
  public static CustomerInput input(Map<String, String> fields) {
    JsonObjectBuilder json = Json.createObjectBuilder();
    fields.forEach(
        (name, value) -> {
          if (value(value) != null) {
            json.add(name, value);
          }
        });
    return CustomerMergePatch.apply(new CustomerInput(), json.build());
  }

  /** The merge patch from {@code before} to {@code after}: changed fields only, null clears. */
  public static JsonObject patch(Map<String, String> before, Map<String, String> after) {
    JsonObjectBuilder patch = Json.createObjectBuilder();
    for (String name : EDITABLE) {
      String now = value(after.get(name));
      if (!Objects.equals(value(before.get(name)), now)) {
        if (now == null) {
          patch.addNull(name);
        } else {
          patch.add(name, now);
        }
      }
    }
    return patch.build();
  }

  private static String value(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
