package app.custodian.privacy.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why staff refuse, extend or suspend a request; the person is told (except of a suspension). */
public class ReasonInput {
  @NotBlank
  @Size(max = 2000)
  public String reason;
}
