package app.custodian.consent.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A staff member's record of a person's consent or withdrawal for one purpose. */
public class ConsentInput {
  @NotNull public Boolean granted;

  /** Where the consent was given: a form, a call, an import... */
  @NotBlank
  @Size(max = 100)
  public String source;

  @Size(max = 50)
  public String policyVersion;

  /** What proves it: a form reference, a recording id, the text agreed to. */
  @Size(max = 2000)
  public String evidence;
}
