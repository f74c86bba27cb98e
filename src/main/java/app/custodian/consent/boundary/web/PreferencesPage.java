package app.custodian.consent.boundary.web;

import app.custodian.consent.boundary.ConsentService;
import app.custodian.consent.control.LinkScope;
import app.custodian.consent.control.Texts;
import app.custodian.consent.entity.Purpose;
import app.custodian.security.control.SignedTokens;
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
 * The person's own preference page, opened only by a preferences link: every purpose, unticked
 * unless granted. Saving withdraws what was unticked at once and emails a confirmation link for
 * what was ticked ({@link ConsentService#choose}). Sharing with third parties is shown only to
 * withdraw it.
 */
@WebServlet("/preferences")
public class PreferencesPage extends PublicPage {

  @Inject ConsentService consents;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<ConsentService.Preferences> shown =
        customerId(request).flatMap(id -> ifCustomerExists(() -> consents.preferences(id)));
    if (shown.isEmpty()) {
      invalidLink(request, response);
      return;
    }
    show(request, response, shown.get(), false);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!clientMayPost(request)) {
      tooMany(request, response, texts(request, Texts.DEFAULT_LOCALE));
      return;
    }
    Set<Purpose> wanted = EnumSet.noneOf(Purpose.class);
    String[] ticked = request.getParameterValues("purpose");
    for (String name : ticked == null ? new String[0] : ticked) {
      Purpose.parse(name).ifPresent(wanted::add);
    }
    Optional<ConsentService.Preferences> saved =
        customerId(request).flatMap(id -> ifCustomerExists(() -> consents.choose(id, wanted)));
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
      boolean granted = preferences.granted().getOrDefault(purpose, false);
      if (granted || purpose != Purpose.THIRD_PARTY_SHARING) {
        purposes.add(
            Map.of("name", purpose.name(), "label", texts.purpose(purpose), "checked", granted));
      }
    }
    List<String> awaiting =
        preferences.awaitingConfirmation().stream().map(texts::purpose).toList();
    render(
        request,
        response,
        200,
        "preferences",
        texts,
        Map.of(
            "purposes",
            purposes,
            "saved",
            saved,
            "awaiting",
            awaiting,
            "hasAwaiting",
            !awaiting.isEmpty(),
            "tooMany",
            preferences.tooManyConfirmations()));
  }

  private Optional<String> customerId(HttpServletRequest request) {
    return claims(request)
        .filter(c -> LinkScope.isPreferences(c.scope()))
        .map(SignedTokens.Claims::customerId);
  }
}
