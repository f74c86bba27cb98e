package app.custodian.customer.control;

import app.custodian.customer.boundary.CustomerInput;
import app.custodian.platform.control.FieldError;
import app.custodian.platform.control.ProblemException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/** Applies an RFC 7396 merge patch to a customer's fields: a value replaces, null removes. */
public final class CustomerMergePatch {

  private CustomerMergePatch() {}

  /** Changes {@code input} in place; unknown fields and non-string values are invalid. */
  public static CustomerInput apply(CustomerInput input, JsonObject patch) {
    List<FieldError> errors = new ArrayList<>();
    patch.forEach(
        (name, value) -> {
          Field field = field(name);
          if (field == null) {
            errors.add(new FieldError(name, "is not a customer field"));
          } else if (value.getValueType() == JsonValue.ValueType.NULL) {
            set(field, input, null);
          } else if (value instanceof JsonString text) {
            set(field, input, text.getString());
          } else {
            errors.add(new FieldError(name, "must be a string or null"));
          }
        });
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    return input;
  }

  private static Field field(String name) {
    try {
      Field field = CustomerInput.class.getField(name);
      return Modifier.isStatic(field.getModifiers()) ? null : field;
    } catch (NoSuchFieldException e) {
      return null;
    }
  }

  private static void set(Field field, CustomerInput input, String value) {
    try {
      field.set(input, value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
