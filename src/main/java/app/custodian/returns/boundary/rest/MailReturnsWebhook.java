package app.custodian.returns.boundary.rest;

import app.custodian.platform.boundary.JobDatabase;
import app.custodian.platform.boundary.Problems;
import app.custodian.platform.control.FieldError;
import app.custodian.platform.control.ProblemException;
import app.custodian.returns.boundary.ReturnActions;
import app.custodian.returns.boundary.ReturnActions.Outcome;
import app.custodian.returns.boundary.ReturnActions.Source;
import app.custodian.returns.boundary.ReturnMetrics;
import app.custodian.returns.boundary.ReturnSettings;
import app.custodian.returns.control.SourceIds;
import app.custodian.returns.control.WebhookReport;
import app.custodian.returns.control.WebhookSignature;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code POST /api/v1/mail-returns}: a mail provider reports a bounce, a complaint or an
 * unsubscribe, signed with {@code CUSTODIAN_RETURNS_WEBHOOK_SECRET} ({@code X-Custodian-Signature:
 * sha256=<hex HMAC-SHA256 of the raw body>}). No login; without a secret it does not exist (404). A
 * report is acted on once: the same body again changes nothing.
 */
@Path("mail-returns")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class MailReturnsWebhook {

  static final String SIGNATURE = "X-Custodian-Signature";

  @Inject ReturnSettings settings;
  @Inject JobDatabase database;
  @Inject ReturnActions actions;
  @Inject ReturnMetrics metrics;

  @POST
  public Response report(@HeaderParam(SIGNATURE) String signature, byte[] body)
      throws SQLException {
    Optional<String> secret = settings.webhookSecret();
    if (secret.isEmpty()) {
      throw ProblemException.notFound("mail-returns");
    }
    byte[] raw = body == null ? new byte[0] : body;
    if (!new WebhookSignature(secret.get()).verifies(raw, signature)) {
      return Problems.response(
          401, "Unauthorized", "The " + SIGNATURE + " header does not sign this body");
    }
    WebhookReport report;
    try {
      report = WebhookReport.parse(raw);
    } catch (WebhookReport.Invalid invalid) {
      List<FieldError> errors =
          invalid.errors().entrySet().stream()
              .map(e -> new FieldError(e.getKey(), e.getValue()))
              .toList();
      throw ProblemException.invalid(errors);
    }
    AtomicReference<Outcome> outcome = new AtomicReference<>();
    try (Connection connection = database.connect()) {
      JobDatabase.inTransaction(
          connection,
          () ->
              actions
                  .act(
                      connection,
                      Source.WEBHOOK,
                      SourceIds.digest(raw),
                      report.returned(),
                      true,
                      null)
                  .ifPresent(outcome::set));
    }
    if (outcome.get() != null) {
      actions.committed(List.of(outcome.get()));
      metrics.count(outcome.get().kind());
    }
    String answer =
        Json.createObjectBuilder().add("recorded", outcome.get() != null).build().toString();
    return Response.accepted(answer).type(MediaType.APPLICATION_JSON).build();
  }
}
