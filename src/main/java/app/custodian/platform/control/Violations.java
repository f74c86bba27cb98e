package app.custodian.platform.control;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Bean Validation results as field errors named the way the client sent the fields. */
public final class Violations {

  private Violations() {}

  /** Throws a 400 problem naming every invalid field of {@code input}. */
  public static void check(Validator validator, Object input) {
    Set<? extends ConstraintViolation<?>> violations = validator.validate(input);
    if (!violations.isEmpty()) {
      throw ProblemException.invalid(fieldErrors(violations));
    }
  }

  public static List<FieldError> fieldErrors(Set<? extends ConstraintViolation<?>> violations) {
    return violations.stream()
        .map(v -> new FieldError(fieldName(v), v.getMessage()))
        .sorted(Comparator.comparing(FieldError::field))
        .toList();
  }

  private static String fieldName(ConstraintViolation<?> violation) {
    String name = "body";
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.PROPERTY) {
        name = node.getName();
      }
    }
    return name;
  }
}
