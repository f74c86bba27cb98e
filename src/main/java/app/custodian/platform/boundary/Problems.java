package app.custodian.platform.boundary;

import app.custodian.platform.control.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Builds application/problem+json responses (RFC 9457). */
public final class Problems {

  public static final String MEDIA_TYPE = "application/problem+json";

  private Problems() {}

  /**
   * Writes a problem built here to a servlet response, for the places that answer before JAX-RS
   * (the sign-in mechanism, filters, the error page). Sets the status from the problem.
   */
  public static void write(HttpServletResponse servletResponse, Response problem)
      throws IOException {
    servletResponse.setStatus(problem.getStatus());
    servletResponse.setContentType(MEDIA_TYPE);
    servletResponse.setCharacterEncoding(StandardCharsets.UTF_8.name());
    servletResponse.getWriter().write((String) problem.getEntity());
  }

  /** The standard problem for a bare HTTP status, as the container or JAX-RS raised it. */
  public static Response forStatus(int status) {
    return response(status, title(status), detail(status));
  }

  private static String title(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 406 -> "Not acceptable";
      case 415 -> "Unsupported media type";
      default -> status >= 500 ? "Internal error" : "Request failed";
    };
  }

  private static String detail(int status) {
    return switch (status) {
      case 401 -> "Log in with HTTP Basic as a staff account";
      case 403 -> "Your roles do not allow this request";
      default -> null;
    };
  }

  public static Response response(int status, String title, String detail) {
    return response(status, title, detail, List.of(), Map.of());
  }

  public static Response response(
      int status,
      String title,
      String detail,
      List<FieldError> errors,
      Map<String, Object> extensions) {
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("type", "about:blank")
            .add("title", title)
            .add("status", status);
    if (detail != null) {
      body.add("detail", detail);
    }
    if (!errors.isEmpty()) {
      JsonArrayBuilder list = Json.createArrayBuilder();
      errors.forEach(
          e ->
              list.add(
                  Json.createObjectBuilder().add("field", e.field()).add("message", e.message())));
      body.add("errors", list);
    }
    extensions.forEach((name, value) -> body.add(name, String.valueOf(value)));
    return Response.status(status).type(MEDIA_TYPE).entity(body.build().toString()).build();
  }
}
