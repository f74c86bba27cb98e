package app.custodian.platform.boundary.rest;

import app.custodian.platform.boundary.PayloadTooLargeException;
import app.custodian.platform.boundary.Problems;
import app.custodian.platform.control.ProblemException;
import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The one place where failures become problem+json responses. */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

  @Override
  public Response toResponse(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof ProblemException p) {
      return Problems.response(p.status(), p.title(), p.getMessage(), p.errors(), p.extensions());
    }
    if (cause instanceof PayloadTooLargeException) {
      return Problems.response(413, "Payload too large", cause.getMessage());
    }
    if (cause instanceof WebApplicationException web) {
      return Problems.forStatus(web.getResponse().getStatus());
    }
    if (cause instanceof JsonbException
        || cause instanceof JsonException
        || cause instanceof ProcessingException) {
      return Problems.response(400, "Malformed JSON", "The request body is not valid JSON");
    }
    // The message may quote data; the class and stack are enough to find the fault.
    LOG.log(Level.SEVERE, "Unexpected failure: " + cause.getClass().getName(), stackOnly(cause));
    return Problems.response(500, "Internal error", "The request could not be completed");
  }

  /** The exception that says what went wrong, under the EJB and JSON wrappers around it. */
  private static Throwable unwrap(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof PayloadTooLargeException) {
        return t; // the body was cut off, whatever the parser made of that
      }
    }
    Throwable current = failure;
    while (current instanceof EJBException && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  private static Throwable stackOnly(Throwable cause) {
    Throwable copy = new Throwable(cause.getClass().getName());
    copy.setStackTrace(cause.getStackTrace());
    return copy;
  }
}
