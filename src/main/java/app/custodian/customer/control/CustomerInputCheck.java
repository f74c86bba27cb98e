package app.custodian.customer.control;

import app.custodian.customer.boundary.CustomerInput;
import app.custodian.platform.control.FieldError;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The constraints declared on {@link CustomerInput} applied without a Bean Validation runtime, for
 * batch jobs (Weld SE has none, and a million rows would pay for its reflection each time): the
 * annotations stay the one statement of the rules, and the messages are the ones the API answers
 * with. Messages name the rule, never the value.
 */
public final class CustomerInputCheck {

  private static final java.util.regex.Pattern EMAIL_SHAPE =
      java.util.regex.Pattern.compile("[^@\\s]{1,64}@[^@\\s]+");

  private static final String PHONE_MESSAGE = defaultMessage(PhoneNumber.class);

  /** A field's constraints, looked up once. */
  private record Rule(
      Field field,
      java.util.regex.Pattern pattern,
      boolean notBlank,
      Size size,
      Email email,
      Pattern regex,
      boolean phone) {}

  private static final List<Rule> RULES = rules();

  private CustomerInputCheck() {}

  /** Each broken rule once per field, in declaration order; empty when the input is valid. */
  public static List<FieldError> errors(CustomerInput input) {
    List<FieldError> errors = new ArrayList<>();
    for (Rule rule : RULES) {
      Field field = rule.field();
      String value = value(field, input);
      String message = firstBroken(rule, value);
      if (message != null) {
        errors.add(new FieldError(field.getName(), message));
      }
    }
    return errors;
  }

  private static String firstBroken(Rule rule, String value) {
    if (rule.notBlank() && (value == null || value.isBlank())) {
      return "must not be blank";
    }
    if (value == null) {
      return null;
    }
    java.util.regex.Pattern pattern = rule.pattern();
    Size size = rule.size();
    if (size != null && (value.length() < size.min() || value.length() > size.max())) {
      return "size must be between " + size.min() + " and " + size.max();
    }
    Email email = rule.email();
    if (email != null
        && !value.isEmpty()
        && !(EMAIL_SHAPE.matcher(value).matches() && pattern.matcher(value).matches())) {
      return email.message();
    }
    Pattern regex = rule.regex();
    if (regex != null && !pattern.matcher(value).matches()) {
      return regex.message();
    }
    if (rule.phone() && !new PhoneNumber.Validator().isValid(value, null)) {
      return PHONE_MESSAGE;
    }
    return null;
  }

  private static List<Rule> rules() {
    List<Rule> rules = new ArrayList<>();
    for (Field field : CustomerInput.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers())) {
        continue;
      }
      java.util.regex.Pattern pattern = null;
      Email email = field.getAnnotation(Email.class);
      Pattern regex = field.getAnnotation(Pattern.class);
      if (email != null) {
        pattern = java.util.regex.Pattern.compile(email.regexp());
      } else if (regex != null) {
        pattern = java.util.regex.Pattern.compile(regex.regexp());
      }
      rules.add(
          new Rule(
              field,
              pattern,
              field.isAnnotationPresent(NotBlank.class),
              field.getAnnotation(Size.class),
              email,
              regex,
              field.isAnnotationPresent(PhoneNumber.class)));
    }
    return List.copyOf(rules);
  }

  private static String defaultMessage(Class<?> constraint) {
    try {
      return (String) constraint.getMethod("message").getDefaultValue();
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String value(Field field, CustomerInput input) {
    try {
      return (String) field.get(input);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
