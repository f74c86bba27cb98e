package app.custodian.privacy.boundary;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A refusal: {@code reason} alone is written for the person and they are told it (as before this
 * field existed); with {@code reasonForPerson}, {@code reason} stays with staff and the person is
 * told {@code reasonForPerson} only.
 */
public class RefusalInput extends ReasonInput {

  @Size(max = MAX_LENGTH)
  @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
  public String reasonForPerson;
}
