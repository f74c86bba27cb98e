package app.custodian.privacy.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Why staff refuse, extend or suspend a request. The person is told the reason of an extension, and
 * of a refusal unless {@link RefusalInput#reasonForPerson} is given; never that of a suspension.
 */
public class ReasonInput {

  static final int MAX_LENGTH = 2000;

  @NotBlank
  @Size(max = MAX_LENGTH)
  public String reason;
}
