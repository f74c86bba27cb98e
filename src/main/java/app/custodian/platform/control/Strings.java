package app.custodian.platform.control;

/** Small rules for text from requests. */
public final class Strings {

  private Strings() {}

  /** Null for null, empty or blank text; otherwise the text without surrounding white space. */
  public static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
