package app.custodian.platform.boundary;

import app.custodian.platform.control.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Bean Validation failures as a 400 naming each invalid field. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

  @Override
  public Response toResponse(ConstraintViolationException exception) {
    return Problems.response(
        400, "Invalid input", "One or more fields are invalid", fieldErrors(exception), Map.of());
  }

  public static List<FieldError> fieldErrors(ConstraintViolationException exception) {
    return exception.getConstraintViolations().stream()
        .map(v -> new FieldError(fieldName(v), v.getMessage()))
        .sorted(Comparator.comparing(FieldError::field))
        .toList();
  }

  private static String fieldName(ConstraintViolation<?> violation) {
    String name = "body";
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == jakarta.validation.ElementKind.PROPERTY) {
        name = node.getName();
      }
    }
    return name;
  }
}
