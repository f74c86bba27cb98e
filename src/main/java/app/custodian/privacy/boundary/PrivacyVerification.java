package app.custodian.privacy.boundary;

import app.custodian.platform.control.ProblemException;
import app.custodian.privacy.control.CodeCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * Verification as staff ask for it, through the API or the portal: by the code the person received,
 * or by an operator's check with what was checked as evidence.
 */
@ApplicationScoped
public class PrivacyVerification {

  public static final String OPERATOR_CHECK = "OPERATOR_CHECK";
  public static final String CODE = "CODE";

  @Inject PrivacyRequestService requests;

  /**
   * @throws ProblemException 400 naming {@code method}, {@code evidence} or {@code code}; a wrong
   *     code is counted (committed) before the 400
   */
  public PrivacyRequestView verify(String id, VerifyInput input) {
    String method = input.method == null ? null : input.method.strip().toUpperCase(Locale.ROOT);
    if (OPERATOR_CHECK.equals(method)) {
      if (input.evidence == null || input.evidence.isBlank()) {
        throw ProblemException.invalid(
            "evidence", "must say what was checked, such as \"national ID card seen\"");
      }
      return requests.verifyByOperator(id, input.evidence.strip());
    }
    if (method != null && !CODE.equals(method)) {
      throw ProblemException.invalid(
          "method", "must be CODE (with \"code\") or OPERATOR_CHECK (with \"evidence\")");
    }
    if (input.code == null || input.code.isBlank()) {
      throw ProblemException.invalid(
          "code", "is required, or use {\"method\":\"OPERATOR_CHECK\",\"evidence\":...}");
    }
    // A wrong code is counted in the service's transaction, which has committed by now.
    PrivacyRequestService.CodeResult result = requests.verifyByCode(id, input.code);
    if (result.outcome() == CodeCheck.Outcome.WRONG) {
      throw ProblemException.invalid(
          "code", "is not the code that was sent; " + result.attemptsLeft() + " attempts left");
    }
    return result.request();
  }
}
