package app.custodian.platform.boundary;

import jakarta.ws.rs.WebApplicationException;

/** A request body over the limit. */
public class PayloadTooLargeException extends WebApplicationException {

  public PayloadTooLargeException(long limit) {
    super("The request body is larger than " + limit + " bytes", 413);
  }
}
