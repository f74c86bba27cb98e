package app.custodian.customer.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a customer's data must be kept, whatever retention or erasure would do. */
public class LegalHoldInput {
  @NotBlank
  @Size(max = 500)
  public String reason;
}
