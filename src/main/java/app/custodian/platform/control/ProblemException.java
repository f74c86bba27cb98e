package app.custodian.platform.control;

import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.Map;

/**
 * A request that cannot be carried out, with what the client needs to know; becomes an RFC 9457
 * problem. Rolls the transaction back, so a rejected request changes nothing.
 */
@ApplicationException(rollback = true)
public class ProblemException extends RuntimeException {

  private final int status;
  private final String title;
  private final List<FieldError> errors;
  private final Map<String, Object> extensions;

  public ProblemException(
      int status,
      String title,
      String detail,
      List<FieldError> errors,
      Map<String, Object> extensions) {
    super(detail, null, false, false);
    this.status = status;
    this.title = title;
    this.errors = List.copyOf(errors);
    this.extensions = Map.copyOf(extensions);
  }

  public static ProblemException notFound(String what) {
    return new ProblemException(404, "Not found", what + " does not exist", List.of(), Map.of());
  }

  public static ProblemException conflict(String detail) {
    return conflict(detail, Map.of());
  }

  public static ProblemException conflict(String detail, Map<String, Object> extensions) {
    return new ProblemException(409, "Conflict", detail, List.of(), extensions);
  }

  public static ProblemException invalid(List<FieldError> errors) {
    return new ProblemException(
        400, "Invalid input", "One or more fields are invalid", errors, Map.of());
  }

  public static ProblemException invalid(String field, String message) {
    return invalid(List.of(new FieldError(field, message)));
  }

  public static ProblemException badRequest(String detail) {
    return new ProblemException(400, "Bad request", detail, List.of(), Map.of());
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public List<FieldError> errors() {
    return errors;
  }

  public Map<String, Object> extensions() {
    return extensions;
  }
}
