package app.custodian.customer.entity;

import java.util.Objects;

/**
 * A customer's personal data in normalised form: trimmed, phone and fax in E.164, locale set.
 * Optional fields are null when absent.
 */
public record CustomerDetails(
    String fullName,
    String email,
    String phone,
    String address,
    String organization,
    String jobTitle,
    String fax,
    String locale,
    String source) {

  public CustomerDetails {
    Objects.requireNonNull(fullName, "fullName");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(locale, "locale");
  }
}
