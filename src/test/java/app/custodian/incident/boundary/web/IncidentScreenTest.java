package app.custodian.incident.boundary.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.custodian.incident.boundary.IncidentView;
import app.custodian.platform.boundary.LocalCalendar;
import jakarta.json.Json;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentScreenTest {

  static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  static final Instant DETECTED = Instant.parse("2026-11-20T01:00:00Z");

  @Test
  void theMergePatchHoldsOnlyWhatChangedAndABlankAnswerClearsIt() {
    IncidentScreen screen = screen(Instant.parse("2026-11-21T02:03:04.567Z"));
    screen.getAnswers().put("nature", "  Theft of a device. ");
    screen.getAnswers().put("measuresTaken", "  ");
    screen.getAnswers().put("likelyConsequences", "Phishing");

    assertEquals(
        Json.createObjectBuilder()
            .add("nature", "Theft of a device.")
            .addNull("measuresTaken")
            .build(),
        screen.patch());
  }

  @Test
  void theReportedMomentIsSentOnlyWhenItChangedToTheMinute() {
    IncidentScreen screen = screen(Instant.parse("2026-11-21T02:03:04.567Z"));
    screen.setReportedAt(LocalDateTime.of(2026, 11, 21, 9, 3)); // the same minute in the zone
    assertEquals(Json.createObjectBuilder().build(), screen.patch());

    screen.setReportedAt(LocalDateTime.of(2026, 11, 21, 10, 30));
    assertEquals(
        Json.createObjectBuilder().add("reportedToAuthorityAt", "2026-11-21T03:30:00Z").build(),
        screen.patch());

    screen.setReportedAt(null);
    assertEquals(
        Json.createObjectBuilder().addNull("reportedToAuthorityAt").build(), screen.patch());
  }

  @Test
  void customerIdsAreReadOnePerLineOrSeparatedByCommas() {
    assertEquals(List.of(), IncidentListScreen.ids("  "));
    assertEquals(List.of("a", "b", "c", "d"), IncidentListScreen.ids(" a\nb, c ;d\r\n"));
  }

  private static IncidentScreen screen(Instant reportedAt) {
    IncidentScreen screen = new IncidentScreen();
    screen.calendar =
        new LocalCalendar() {
          @Override
          public ZoneId zone() {
            return ZONE;
          }
        };
    IncidentView view =
        new IncidentView(
            "id",
            DETECTED,
            DETECTED.plusSeconds(72 * 3600),
            "A laptop was stolen.",
            List.of("EMAIL"),
            1,
            "Theft",
            "Phishing",
            "Remote wipe",
            null,
            reportedAt,
            DETECTED,
            null);
    screen.edit(view);
    return screen;
  }
}
