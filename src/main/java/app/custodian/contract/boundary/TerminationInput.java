package app.custodian.contract.boundary;

import jakarta.validation.constraints.NotNull;

/** The last day of a contract ended early, as an ISO-8601 local date. */
public class TerminationInput {
  @NotNull public String endedOn;
}
