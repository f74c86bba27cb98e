package app.custodian.notice.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;

/** A policy or breach notice to one person, for their export. */
@JsonbNillable
public record NoticeSent(
    String kind, String reference, String status, Instant attemptedAt, Instant sentAt) {}
