package app.custodian.disclosure.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A disclosure to record. {@code dataCategories} name {@code DataCategory} values; {@code
 * disclosedAt} is an ISO-8601 instant, now when absent.
 */
public class DisclosureInput {
  @NotBlank
  @Size(max = 200)
  public String recipient;

  @NotBlank public String legalBasis;

  @NotEmpty
  @Size(max = 20)
  public List<String> dataCategories;

  @Size(max = 200)
  public String reference;

  public String disclosedAt;
}
