package app.custodian.returns.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.returns.control.ReturnedMail.Kind;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookReportTest {

  @Test
  void aBounceNamesItsMessageAndRedactsTheDiagnostic() throws Exception {
    WebhookReport report =
        parse(
            "{\"type\":\"bounce\",\"recipient\":\"an.nguyen@example.vn\","
                + "\"messageId\":\"<abc.123@custodian>\","
                + "\"diagnostic\":\"550 5.1.1 <an.nguyen@example.vn>: user an.nguyen unknown"
                + " at 203.0.113.7\",\"occurredAt\":\"2026-12-07T10:00:00+07:00\"}");
    ReturnedMail returned = report.returned();
    assertEquals(Kind.HARD_BOUNCE, returned.kind());
    assertEquals(Optional.of("an.nguyen@example.vn"), returned.recipient());
    assertEquals(Optional.of("<abc.123@custodian>"), returned.originalMessageId());
    assertFalse(returned.redactedDiagnostic().contains("an.nguyen"), returned.redactedDiagnostic());
    assertFalse(returned.redactedDiagnostic().contains("203.0.113.7"));
    assertTrue(returned.redactedDiagnostic().startsWith("550 5.1.1"));
    assertTrue(report.occurredAt().isPresent());
  }

  @Test
  void typesMapToKinds() throws Exception {
    assertEquals(Kind.SOFT_BOUNCE, kind("soft-bounce"));
    assertEquals(Kind.COMPLAINT, kind("complaint"));
    assertEquals(Kind.UNSUBSCRIBE, kind("unsubscribe"));
  }

  @Test
  void aBareMessageIdGetsItsBrackets() throws Exception {
    assertEquals(
        Optional.of("<abc@custodian>"),
        parse("{\"type\":\"complaint\",\"messageId\":\"abc@custodian\"}")
            .returned()
            .originalMessageId());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not json",
        "[]",
        "{}",
        "{\"type\":\"bounced\",\"recipient\":\"a@b.c\"}",
        "{\"type\":\"bounce\"}",
        "{\"type\":7,\"recipient\":\"a@b.c\"}",
        "{\"type\":\"bounce\",\"recipient\":\"a@b.c\",\"occurredAt\":\"yesterday\"}",
        "{\"type\":\"bounce\",\"messageId\":\"two words\"}"
      })
  void whatIsNotAReportIsRefused(String body) {
    assertThrows(WebhookReport.Invalid.class, () -> parse(body));
  }

  @Test
  void theErrorsNameFieldsNeverValues() {
    WebhookReport.Invalid invalid =
        assertThrows(
            WebhookReport.Invalid.class,
            () -> parse("{\"type\":\"an@example.vn\",\"recipient\":\"an@example.vn\"}"));
    assertEquals(1, invalid.errors().size());
    assertFalse(invalid.errors().toString().contains("an@example.vn"));
  }

  static Kind kind(String type) throws Exception {
    return parse("{\"type\":\"" + type + "\",\"recipient\":\"a@example.vn\"}").returned().kind();
  }

  static WebhookReport parse(String body) throws WebhookReport.Invalid {
    return WebhookReport.parse(body.getBytes(StandardCharsets.UTF_8));
  }
}
