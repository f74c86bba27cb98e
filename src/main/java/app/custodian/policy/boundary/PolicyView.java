package app.custodian.policy.boundary;

import app.custodian.policy.entity.PolicyVersion;
import jakarta.json.bind.annotation.JsonbNillable;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

@JsonbNillable
public record PolicyView(
    String version,
    LocalDate effectiveOn,
    String summaryVi,
    String summaryEn,
    boolean adverse,
    Instant createdAt,
    Long notifiedExecutionId)
    implements Serializable {

  static PolicyView of(PolicyVersion policy) {
    return new PolicyView(
        policy.version(),
        policy.effectiveOn(),
        policy.summaryVi(),
        policy.summaryEn(),
        policy.adverse(),
        policy.createdAt(),
        policy.notifiedExecutionId());
  }
}
