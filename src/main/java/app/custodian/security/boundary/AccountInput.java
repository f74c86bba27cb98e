package app.custodian.security.boundary;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A new staff account as the API receives it. */
public class AccountInput {
  @NotNull
  @Pattern(regexp = "[A-Za-z0-9._-]{3,64}", message = "3 to 64 letters, digits, '.', '_' or '-'")
  public String username;

  @NotNull
  @Size(min = 12, max = 200, message = "must be 12 to 200 characters")
  public String password;

  @NotEmpty(message = "must name at least one role")
  public List<
          @NotNull
          @Pattern(
              regexp = "ADMIN|OPERATOR|MARKETING|AUDITOR",
              message = "must be ADMIN, OPERATOR, MARKETING or AUDITOR")
          String>
      roles;
}
