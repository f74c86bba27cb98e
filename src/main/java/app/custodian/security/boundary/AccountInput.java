package app.custodian.security.boundary;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A new staff account as the API receives it. */
public class AccountInput {
  static final int PASSWORD_MIN = 12;
  static final int PASSWORD_MAX = 200;
  static final String PASSWORD_RULE = "must be 12 to 200 characters";
  public static final String ROLE_NAMES = "ADMIN|OPERATOR|MARKETING|AUDITOR";
  public static final String ROLE_RULE = "must be ADMIN, OPERATOR, MARKETING or AUDITOR";

  @NotNull
  @Pattern(regexp = "[A-Za-z0-9._-]{3,64}", message = "3 to 64 letters, digits, '.', '_' or '-'")
  public String username;

  @NotNull
  @Size(min = PASSWORD_MIN, max = PASSWORD_MAX, message = PASSWORD_RULE)
  public String password;

  @NotEmpty(message = "must name at least one role")
  public List<@NotNull @Pattern(regexp = ROLE_NAMES, message = ROLE_RULE) String> roles;
}
