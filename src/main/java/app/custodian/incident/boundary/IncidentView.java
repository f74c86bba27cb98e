package app.custodian.incident.boundary;

import app.custodian.incident.entity.Incident;
import jakarta.json.bind.annotation.JsonbNillable;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

@JsonbNillable
public record IncidentView(
    String id,
    Instant detectedAt,
    Instant authorityDeadline,
    String description,
    List<String> dataCategories,
    int affectedCustomers,
    String nature,
    String likelyConsequences,
    String measuresTaken,
    String delayReason,
    Instant reportedToAuthorityAt,
    Instant createdAt,
    Long notifiedExecutionId)
    implements Serializable {

  static IncidentView of(Incident incident) {
    return new IncidentView(
        incident.id(),
        incident.detectedAt(),
        incident.authorityDeadline(),
        incident.description(),
        incident.dataCategories().stream().map(Enum::name).toList(),
        incident.affectedCustomers(),
        incident.nature(),
        incident.likelyConsequences(),
        incident.measuresTaken(),
        incident.delayReason(),
        incident.reportedAt(),
        incident.createdAt(),
        incident.notifiedExecutionId());
  }
}
