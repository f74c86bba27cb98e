package app.custodian.platform.boundary.web;

import app.custodian.platform.boundary.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Errors raised by the container before JAX-RS sees the request (a failed login, above all)
 * answered as problem+json like every other API error; a browser on a portal page gets a short page
 * in both languages instead. Mapped in web.xml.
 */
@WebServlet("/error-page")
public class ErrorPageServlet extends HttpServlet {

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : response.getStatus();
    if (status < 400) {
      status = 500; // opened directly: where PrimeFaces sends a failed Ajax action
    }
    if (request.getParameter("expired") != null) {
      status = 400; // a portal form whose view state is unknown: expired, or posted from elsewhere
    }
    response.setStatus(status);
    if (wantsPage(request)) {
      page(status, request.getContextPath(), response);
      return;
    }
    Problems.write(response, Problems.forStatus(status));
  }

  private static boolean wantsPage(HttpServletRequest request) {
    if (request.getParameter("expired") != null) {
      return true;
    }
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String accept = request.getHeader("Accept");
    String api = request.getContextPath() + "/api/";
    return accept != null
        && accept.contains("text/html")
        && !(uri instanceof String path && path.startsWith(api));
  }

  private static void page(int status, String contextPath, HttpServletResponse response)
      throws IOException {
    String text =
        switch (status) {
          case 400 ->
              "Trang này đã hết hạn, hoặc biểu mẫu không được gửi từ trang này. Hãy mở lại trang."
                  + " · This page has expired, or the form was not sent from it. Open it again.";
          case 403 -> "Bạn không có quyền mở trang này. · Your roles do not open this page.";
          case 404 -> "Không có trang này. · There is no such page.";
          default -> "Đã xảy ra lỗi. · Something went wrong.";
        };
    response.setContentType("text/html");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>"
                + status
                + " · Custodian</title></head><body><main><h1>"
                + status
                + "</h1><p id=\"error-text\">"
                + text
                + "</p><p><a href=\""
                + contextPath
                + "/\">Custodian</a></p></main></body></html>");
  }
}
