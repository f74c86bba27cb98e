package app.custodian.privacy.boundary.web;

import app.custodian.consent.boundary.web.PublicPage;
import app.custodian.consent.control.Texts;
import app.custodian.privacy.boundary.PrivacySubmissions;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The public privacy form: a person gives an email address and, if a live customer has it, a
 * verification link goes there. The answer is the same page, status and work whether or not the
 * address is known ({@link PrivacySubmissions}), so neither its bytes nor its time reveal who is a
 * customer. Posts are limited per client and per address, answered alike for every address.
 */
@WebServlet("/privacy")
public class PrivacyPage extends PublicPage {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final int MAX_EMAIL = 254;

  @Inject PrivacySubmissions submissions;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    render(request, response, 200, "privacy", texts(request, Texts.DEFAULT_LOCALE), Map.of());
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    request.setCharacterEncoding(StandardCharsets.UTF_8.name());
    String email = request.getParameter("email");
    Texts texts = texts(request, Texts.DEFAULT_LOCALE);
    if (email == null || email.length() > MAX_EMAIL || !EMAIL.matcher(email.strip()).matches()) {
      render(request, response, 400, "privacy", texts, Map.of("invalidEmail", true));
      return;
    }
    if (!clientMayPost(request)
        || submissions.submit(email.strip()) == PrivacySubmissions.Answer.TOO_MANY) {
      tooMany(request, response, texts);
      return;
    }
    render(request, response, 200, "privacy", texts, Map.of("sent", true));
  }
}
