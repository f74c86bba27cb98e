package app.custodian.customer.control;

import app.custodian.customer.boundary.CustomerInput;
import app.custodian.customer.entity.CustomerDetails;
import app.custodian.customer.entity.SearchIndexes;
import app.custodian.security.control.BlindIndex;

/** Turns validated input into the stored form and its blind indexes. */
public final class CustomerNormaliser {

  public static final String DEFAULT_LOCALE = "vi";

  private CustomerNormaliser() {}

  public static CustomerDetails details(CustomerInput input) {
    return new CustomerDetails(
        trimmed(input.fullName),
        trimmed(input.email),
        PhoneNumbers.toE164(input.phone),
        trimmed(input.address),
        trimmed(input.organization),
        trimmed(input.jobTitle),
        PhoneNumbers.toE164(input.fax),
        input.locale == null ? DEFAULT_LOCALE : input.locale,
        trimmed(input.source));
  }

  public static SearchIndexes indexes(CustomerDetails details, BlindIndex index) {
    return new SearchIndexes(
        index.email(details.email()),
        details.phone() == null ? null : index.phone(details.phone()),
        index.nameWords(details.fullName()));
  }

  /** The input that would produce these details; the starting point of a merge patch. */
  public static CustomerInput input(CustomerDetails details) {
    CustomerInput input = new CustomerInput();
    input.fullName = details.fullName();
    input.email = details.email();
    input.phone = details.phone();
    input.address = details.address();
    input.organization = details.organization();
    input.jobTitle = details.jobTitle();
    input.fax = details.fax();
    input.locale = details.locale();
    input.source = details.source();
    return input;
  }

  private static String trimmed(String value) {
    if (value == null) {
      return null;
    }
    String t = value.strip();
    return t.isEmpty() ? null : t;
  }
}
