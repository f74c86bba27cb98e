package app.custodian.security.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * On a database of one's own (PostgreSQL), every key must be given: a key generated into a file
 * beside one node would differ from the next node's, and would be lost with that disk. Generated
 * keys are for the embedded default only.
 */
public final class RequiredKeys {

  /** The variables every start on PostgreSQL needs, in the order they are reported. */
  public static final List<String> VARIABLES =
      List.of(
          KeyMaterial.PII_KEY_VARIABLE,
          KeyMaterial.TOKEN_KEY_VARIABLE,
          KeyMaterial.INDEX_KEY_VARIABLE,
          KeyMaterial.AUDIT_KEY_VARIABLE);

  private RequiredKeys() {}

  /**
   * @param configured each variable's value; null or blank when not set
   * @return the variables not set, in the order of {@link #VARIABLES}
   */
  public static List<String> missing(Map<String, String> configured) {
    List<String> missing = new ArrayList<>();
    for (String variable : VARIABLES) {
      String value = configured.get(variable);
      if (value == null || value.isBlank()) {
        missing.add(variable);
      }
    }
    return missing;
  }

  /** What the operator is told when keys are missing; names the variables, never a value. */
  public static String refusal(List<String> missing) {
    return "Custodian does not start: "
        + String.join(", ", missing)
        + (missing.size() == 1 ? " is" : " are")
        + " not set. With CUSTODIAN_DB_URL set, every key must be given (base64 of 32 random"
        + " bytes, e.g. `openssl rand -base64 32`); generated keys are for the embedded default"
        + " only.";
  }
}
