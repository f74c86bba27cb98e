package app.custodian.consent.boundary;

import app.custodian.consent.control.Texts;
import app.custodian.consent.entity.Purpose;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The person's own preference page: every purpose, unticked unless granted; saving records each
 * change as the person's explicit choice. Any valid link token of theirs opens it.
 */
@WebServlet("/preferences")
public class PreferencesPage extends PublicPage {

  @Inject ConsentService consents;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<ConsentService.Preferences> shown =
        claims(request).flatMap(c -> ifCustomerExists(() -> consents.preferences(c.customerId())));
    if (shown.isEmpty()) {
      invalidLink(request, response);
      return;
    }
    show(request, response, shown.get(), false);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Set<Purpose> wanted = EnumSet.noneOf(Purpose.class);
    String[] ticked = request.getParameterValues("purpose");
    for (String name : ticked == null ? new String[0] : ticked) {
      Purpose.parse(name).ifPresent(wanted::add);
    }
    Optional<ConsentService.Preferences> saved =
        claims(request)
            .flatMap(c -> ifCustomerExists(() -> consents.choose(c.customerId(), wanted)));
    if (saved.isEmpty()) {
      invalidLink(request, response);
      return;
    }
    show(request, response, saved.get(), true);
  }

  private void show(
      HttpServletRequest request,
      HttpServletResponse response,
      ConsentService.Preferences preferences,
      boolean saved)
      throws IOException {
    Texts texts = texts(request, preferences.locale());
    List<Map<String, Object>> purposes = new ArrayList<>();
    for (Purpose purpose : Purpose.values()) {
      purposes.add(
          Map.of(
              "name", purpose.name(),
              "label", texts.purpose(purpose),
              "checked", preferences.granted().getOrDefault(purpose, false)));
    }
    render(
        request, response, 200, "preferences", texts, Map.of("purposes", purposes, "saved", saved));
  }
}
