package app.custodian.platform.boundary.rest;

import app.custodian.platform.boundary.Problems;
import app.custodian.platform.control.Violations;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** Bean Validation failures as a 400 naming each invalid field. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

  @Override
  public Response toResponse(ConstraintViolationException exception) {
    return Problems.response(
        400,
        "Invalid input",
        "One or more fields are invalid",
        Violations.fieldErrors(exception.getConstraintViolations()),
        Map.of());
  }
}
