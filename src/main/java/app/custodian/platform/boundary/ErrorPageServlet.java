package app.custodian.platform.boundary;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Errors raised by the container before JAX-RS sees the request (a failed login, above all)
 * answered as problem+json like every other API error. Mapped in web.xml.
 */
@WebServlet("/error-page")
public class ErrorPageServlet extends HttpServlet {

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : response.getStatus();
    var problem = Problems.response(status, title(status), detail(status));
    response.setStatus(status);
    response.setContentType(Problems.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write((String) problem.getEntity());
  }

  private static String title(int status) {
    return switch (status) {
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
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
}
