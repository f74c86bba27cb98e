package app.custodian.customer.control;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** Normalises phone numbers to E.164; numbers without a country code are read as Vietnamese. */
public final class PhoneNumbers {

  private static final String DEFAULT_REGION = "VN";
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private PhoneNumbers() {}

  /**
   * Null or blank gives null.
   *
   * @throws IllegalArgumentException if the input is not a valid number; the message never contains
   *     the input
   */
  public static String toE164(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    PhoneNumber number;
    try {
      number = UTIL.parse(raw, DEFAULT_REGION);
    } catch (NumberParseException e) {
      throw notValid();
    }
    if (!UTIL.isValidNumber(number)) {
      throw notValid();
    }
    return UTIL.format(number, PhoneNumberFormat.E164);
  }

  private static IllegalArgumentException notValid() {
    return new IllegalArgumentException("not a valid phone number");
  }
}
