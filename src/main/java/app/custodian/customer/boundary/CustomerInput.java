package app.custodian.customer.boundary;

import app.custodian.customer.control.PhoneNumber;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A customer record as a client writes it, before normalisation. */
public record CustomerInput(
    @NotBlank @Size(max = 200) String fullName,
    @NotBlank @Email(regexp = ".+@.+\\..+", message = "must be an email address such as an@example.vn") @Size(max = 254)
        String email,
    @PhoneNumber @Size(max = 40) String phone,
    @Size(max = 500) String address,
    @Size(max = 200) String organization,
    @Size(max = 200) String jobTitle,
    @PhoneNumber @Size(max = 40) String fax,
    @Pattern(regexp = "vi|en", message = "must be vi or en") String locale,
    @Size(max = 100) String source) {}
