package app.custodian.notice.boundary;

import app.custodian.delivery.boundary.MessageReturn;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;

/** A policy or breach notice to one person, for their export, with what came back for it. */
@JsonbNillable
public record NoticeSent(
    String kind,
    String reference,
    String status,
    Instant attemptedAt,
    Instant sentAt,
    List<MessageReturn> returns) {}
