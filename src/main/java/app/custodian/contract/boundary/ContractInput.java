package app.custodian.contract.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new contract; dates are ISO-8601 local dates ({@code 2026-12-31}). */
public class ContractInput {
  @NotBlank
  @Size(max = 100)
  public String reference;

  @NotBlank
  @Size(max = 200)
  public String service;

  @NotNull public String startsOn;

  @NotNull public String endsOn;
}
