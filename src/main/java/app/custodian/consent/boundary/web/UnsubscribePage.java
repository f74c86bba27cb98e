package app.custodian.consent.boundary.web;

import app.custodian.consent.boundary.ConsentLinks;
import app.custodian.consent.boundary.ConsentService;
import app.custodian.consent.boundary.LinkViews;
import app.custodian.consent.control.Texts;
import app.custodian.consent.entity.Purpose;
import app.custodian.customer.boundary.CustomerService;
import app.custodian.customer.boundary.Recipient;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One-click unsubscribe (RFC 8058). GET only shows a confirmation page, because link scanners
 * follow links; POST, from a mail client's one-click or the page's button, withdraws at once. The
 * link travels in a header through providers and scanners, so it opens nothing else: no preference
 * page, no grant.
 */
@WebServlet("/unsubscribe")
public class UnsubscribePage extends PublicPage {

  @Inject ConsentService consents;
  @Inject CustomerService customers;
  @Inject LinkViews views;
  @Inject ConsentLinks links;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<Target> target = target(request);
    Optional<String> locale =
        target.flatMap(t -> customers.recipient(t.customerId())).map(Recipient::locale);
    if (locale.isEmpty()) {
      invalidLink(request, response);
      return;
    }
    Target t = target.get();
    views.recordOncePerHour(t.customerId(), "UNSUBSCRIBE_PAGE_VIEWED", t.purpose().name());
    show(request, response, t, locale.get(), "confirm");
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<Target> target = target(request);
    Optional<Boolean> withdrawn =
        target.flatMap(
            t ->
                ifCustomerExists(
                    () -> consents.unsubscribe(t.customerId(), t.purpose(), how(request, t))));
    Optional<String> locale =
        target.flatMap(t -> customers.recipient(t.customerId())).map(Recipient::locale);
    if (withdrawn.isEmpty() || locale.isEmpty()) {
      invalidLink(request, response);
      return;
    }
    show(request, response, target.get(), locale.get(), withdrawn.get() ? "done" : "already");
  }

  private void show(
      HttpServletRequest request,
      HttpServletResponse response,
      Target target,
      String personLocale,
      String state)
      throws IOException {
    Texts texts = texts(request, personLocale);
    Map<String, Object> values =
        Map.of(state, true, "purposeName", texts.purpose(target.purpose()));
    render(request, response, 200, "unsubscribe", texts, values);
  }

  /** The evidence of the withdrawal: how it was made, and when the link was sent. */
  private static String how(HttpServletRequest request, Target target) {
    String how =
        "One-Click".equals(request.getParameter("List-Unsubscribe"))
            ? "one-click POST (RFC 8058)"
            : "button on the unsubscribe page";
    return target.issuedAt() == null ? how : how + ", link issued " + target.issuedAt();
  }

  /** Only a purpose link: it withdraws its own purpose and opens nothing else. */
  private Optional<Target> target(HttpServletRequest request) {
    return links
        .purposeLink(request.getParameter("t"))
        .map(l -> new Target(l.customerId(), l.purpose(), l.issuedAt()));
  }

  private record Target(String customerId, Purpose purpose, Instant issuedAt) {}
}
