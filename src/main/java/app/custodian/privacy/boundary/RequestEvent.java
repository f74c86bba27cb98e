package app.custodian.privacy.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A step in a privacy request's history as its record keeps it: {@code what} names a text of the
 * portal's bundle ({@code requests.event.*}), {@code detail} the actor, method or reason.
 */
public record RequestEvent(Instant at, String what, String detail) implements Serializable {

  public static List<RequestEvent> of(PrivacyRequestView r) {
    List<RequestEvent> events = new ArrayList<>();
    events.add(new RequestEvent(r.receivedAt(), "received", r.channel()));
    if (r.acknowledgedAt() != null) {
      events.add(new RequestEvent(r.acknowledgedAt(), "acknowledged", null));
    }
    if (r.verification() != null) {
      var v = r.verification();
      events.add(new RequestEvent(v.verifiedAt(), "verified", v.method() + " · " + v.verifiedBy()));
    }
    if (r.completedAt() != null) {
      String outcome = "REFUSED".equals(r.status()) ? "refused" : "completed";
      events.add(new RequestEvent(r.completedAt(), outcome, r.refusalReason()));
    }
    events.sort(
        Comparator.comparing(RequestEvent::at, Comparator.nullsLast(Comparator.naturalOrder())));
    return events;
  }
}
