package app.custodian.policy.boundary;

import app.custodian.platform.control.StrictBoolean;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new version of the privacy policy; {@code effectiveOn} is an ISO-8601 date. */
public class PolicyInput {
  @NotNull
  @Pattern(
      regexp = "[A-Za-z0-9._-]{1,40}",
      message = "must be 1 to 40 letters, digits, '.', '-' or '_'")
  public String version;

  @NotNull public String effectiveOn;

  @NotBlank
  @Size(max = 4000)
  public String summaryVi;

  @NotBlank
  @Size(max = 4000)
  public String summaryEn;

  /** Whether the change is to the customers' disadvantage; false when absent. */
  @JsonbTypeDeserializer(StrictBoolean.class)
  public Boolean adverse;
}
