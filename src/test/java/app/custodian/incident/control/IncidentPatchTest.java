package app.custodian.incident.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.platform.control.FieldError;
import app.custodian.platform.control.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentPatchTest {

  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  @Test
  void takesTheAnswersAndTheReportMoment() {
    IncidentPatch patch =
        IncidentPatch.parse(
            json(
                "{\"measuresTaken\":\" keys rotated \",\"nature\":null,"
                    + "\"reportedToAuthorityAt\":\"2026-11-22T16:30:00+07:00\"}"),
            NOW);
    assertEquals("keys rotated", patch.texts().get("measuresTaken"));
    assertTrue(patch.texts().containsKey("nature"));
    assertNull(patch.texts().get("nature"));
    assertTrue(patch.reportedAtGiven());
    assertEquals(Instant.parse("2026-11-22T09:30:00Z"), patch.reportedAt());
  }

  @Test
  void anEmptyPatchChangesNothing() {
    IncidentPatch patch = IncidentPatch.parse(json("{}"), NOW);
    assertTrue(patch.texts().isEmpty());
    assertFalse(patch.reportedAtGiven());
  }

  @Test
  void rejectsEveryFieldThatCannotApply() {
    ProblemException problem =
        assertThrows(
            ProblemException.class,
            () ->
                IncidentPatch.parse(
                    json(
                        "{\"description\":\"  \",\"nature\":5,\"detectedAt\":\"2026-01-01T00:00:00Z\","
                            + "\"reportedToAuthorityAt\":\"2026-11-23T10:00:00Z\","
                            + "\"likelyConsequences\":\""
                            + "x".repeat(4001)
                            + "\"}"),
                    NOW));
    assertEquals(400, problem.status());
    assertEquals(
        List.of(
            "description", "nature", "detectedAt", "reportedToAuthorityAt", "likelyConsequences"),
        problem.errors().stream().map(FieldError::field).toList());
  }
}
