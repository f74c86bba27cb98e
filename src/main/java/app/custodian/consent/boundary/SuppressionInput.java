package app.custodian.consent.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An address to suppress, look up or release. */
public class SuppressionInput {
  @NotBlank
  @Email
  @Size(max = 254)
  public String email;

  /** A purpose, or ALL (the default). */
  @Pattern(
      regexp = "ALL|NEWSLETTER|RENEWAL_REMINDER|SURVEY|THIRD_PARTY_SHARING",
      message = "must be ALL or a purpose")
  public String scope;

  /** When adding: MANUAL (the default) or COMPLAINT. */
  @Pattern(regexp = "MANUAL|COMPLAINT", message = "must be MANUAL or COMPLAINT")
  public String reason;

  public String scopeOrAll() {
    return scope == null ? "ALL" : scope;
  }
}
