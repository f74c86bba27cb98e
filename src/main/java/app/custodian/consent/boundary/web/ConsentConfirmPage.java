package app.custodian.consent.boundary.web;

import app.custodian.consent.boundary.ConsentService;
import app.custodian.consent.boundary.ConsentSettings;
import app.custodian.consent.control.LinkScope;
import app.custodian.consent.control.Texts;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the confirmation link of the preference page leads. GET shows what it would grant (link
 * scanners follow links); POST grants it as the person's explicit opt-in. A link works once, within
 * {@code CUSTODIAN_CONFIRM_TTL}; a used, expired or forged one changes nothing and answers 400.
 */
@WebServlet("/preferences/confirm")
public class ConsentConfirmPage extends PublicPage {

  @Inject ConsentService consents;
  @Inject ConsentSettings settings;

  Clock clock = Clock.systemUTC();

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<ConsentService.Confirming> shown =
        link(request).flatMap(l -> consents.confirmation(l.customerId(), l.confirmationId()));
    if (shown.isEmpty()) {
      invalidLink(request, response);
      return;
    }
    show(request, response, shown.get(), false);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<ConsentService.Confirming> confirmed =
        link(request).flatMap(l -> consents.confirm(l.customerId(), l.confirmationId()));
    if (confirmed.isEmpty()) {
      invalidLink(request, response);
      return;
    }
    show(request, response, confirmed.get(), true);
  }

  private void show(
      HttpServletRequest request,
      HttpServletResponse response,
      ConsentService.Confirming confirming,
      boolean done)
      throws IOException {
    Texts texts = texts(request, confirming.locale());
    List<String> purposes = confirming.purposes().stream().map(texts::purpose).toList();
    render(request, response, 200, "confirm", texts, Map.of("purposes", purposes, "done", done));
  }

  /** Only a confirmation link, within its time. */
  private Optional<Link> link(HttpServletRequest request) {
    return claims(request)
        .filter(c -> c.issuedWithin(clock.instant(), settings.confirmationValidity()))
        .flatMap(c -> LinkScope.confirmationId(c.scope()).map(id -> new Link(c.customerId(), id)));
  }

  private record Link(String customerId, String confirmationId) {}
}
