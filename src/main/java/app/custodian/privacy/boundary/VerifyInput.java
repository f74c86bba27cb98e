package app.custodian.privacy.boundary;

import jakarta.validation.constraints.Size;

/**
 * Either the code the person received ({@code {"code":"123456"}}) or an operator's check ({@code
 * {"method":"OPERATOR_CHECK","evidence":"national ID card seen at the counter"}}). The evidence
 * says what staff checked; it must not copy the person's data (no ID numbers).
 */
public class VerifyInput {
  @Size(max = 20)
  public String code;

  @Size(max = 20)
  public String method;

  @Size(max = 2000)
  public String evidence;
}
