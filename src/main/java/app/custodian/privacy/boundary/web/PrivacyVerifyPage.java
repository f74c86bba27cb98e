package app.custodian.privacy.boundary.web;

import app.custodian.consent.boundary.web.PublicPage;
import app.custodian.consent.control.Texts;
import app.custodian.privacy.boundary.PrivacyMessages;
import app.custodian.privacy.boundary.PrivacyRequestService;
import app.custodian.privacy.boundary.PrivacyRequestView;
import app.custodian.privacy.control.LinkTokens;
import app.custodian.privacy.entity.RequestType;
import app.custodian.security.control.SignedTokens;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the public form's link leads: the person picks a request type (nothing pre-selected), and
 * POST records the request, already verified by the link (channel WEB). A forged or expired link
 * changes nothing and answers 400.
 */
@WebServlet("/privacy/verify")
public class PrivacyVerifyPage extends PublicPage {

  @Inject PrivacyRequestService requests;
  @Inject SignedTokens signedTokens;

  Clock clock = Clock.systemUTC();

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<Person> person = person(request);
    if (person.isEmpty()) {
      invalidLink(request, response);
      return;
    }
    choose(request, response, person.get(), 200, false);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    request.setCharacterEncoding(StandardCharsets.UTF_8.name());
    Optional<Person> person = person(request);
    if (person.isEmpty()) {
      invalidLink(request, response);
      return;
    }
    Optional<RequestType> type = RequestType.parse(request.getParameter("type"));
    if (type.isEmpty()) {
      choose(request, response, person.get(), 400, true);
      return;
    }
    PrivacyRequestView created = requests.createFromLink(person.get().customerId(), type.get());
    Texts texts = texts(request, person.get().locale());
    render(
        request,
        response,
        200,
        "privacyVerify",
        texts,
        Map.of(
            "created",
            true,
            "reference",
            created.id(),
            "dueBy",
            PrivacyMessages.date(created.dueBy(), texts.locale())));
  }

  private void choose(
      HttpServletRequest request,
      HttpServletResponse response,
      Person person,
      int status,
      boolean invalidType)
      throws IOException {
    Texts texts = texts(request, person.locale());
    List<Map<String, Object>> types =
        Arrays.stream(RequestType.values())
            .map(
                t -> {
                  Map<String, Object> option = new HashMap<>();
                  option.put("name", t.name());
                  option.put("label", texts.get("requestType." + t.name()));
                  return option;
                })
            .toList();
    render(
        request,
        response,
        status,
        "privacyVerify",
        texts,
        Map.of("types", types, "invalidType", invalidType));
  }

  private Optional<Person> person(HttpServletRequest request) {
    return new LinkTokens(signedTokens)
        .customerId(request.getParameter("t"), clock.instant())
        .flatMap(id -> requests.localeOf(id).map(locale -> new Person(id, locale)));
  }

  private record Person(String customerId, String locale) {}
}
