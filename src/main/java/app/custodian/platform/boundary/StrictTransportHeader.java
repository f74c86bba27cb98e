package app.custodian.platform.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** With an https {@code CUSTODIAN_BASE_URL}, browsers are told to come back over https only. */
@WebFilter("/*")
public class StrictTransportHeader extends HttpFilter {

  static final String ONE_YEAR = "max-age=31536000";

  @Inject PublicAddress address;

  private boolean https;

  @Override
  public void init() {
    https = address.baseUrl().https();
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (https) {
      response.setHeader("Strict-Transport-Security", ONE_YEAR);
    }
    chain.doFilter(request, response);
  }
}
