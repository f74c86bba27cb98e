package app.custodian.customer.boundary;

import app.custodian.customer.control.PhoneNumber;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A customer record as a client writes it, before normalisation. A class rather than a record:
 * Payara's OpenAPI scanner fails on constraint annotations of record components.
 */
public class CustomerInput {
  @NotBlank
  @Size(max = 200)
  public String fullName;

  @NotBlank
  @Email(regexp = ".+@.+\\..+", message = "must be an email address such as an@example.vn")
  @Size(max = 254)
  public String email;

  @PhoneNumber
  @Size(max = 40)
  public String phone;

  @Size(max = 500)
  public String address;

  @Size(max = 200)
  public String organization;

  @Size(max = 200)
  public String jobTitle;

  @PhoneNumber
  @Size(max = 40)
  public String fax;

  @Pattern(regexp = "vi|en", message = "must be vi or en")
  public String locale;

  @Size(max = 100)
  public String source;
}
