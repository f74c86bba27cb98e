package app.custodian.incident.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A breach as first recorded. {@code detectedAt} is an ISO-8601 moment; {@code dataCategories} name
 * {@link app.custodian.customer.entity.DataCategory} values however spelled; {@code customerIds}
 * are the live customers affected (may be empty; duplicates count once).
 */
public class IncidentInput {
  @NotNull public String detectedAt;

  @NotBlank
  @Size(max = 4000)
  public String description;

  @NotEmpty public List<String> dataCategories;

  @Size(max = 100_000)
  public List<String> customerIds;

  @Size(max = 4000)
  public String nature;

  @Size(max = 4000)
  public String likelyConsequences;

  @Size(max = 4000)
  public String measuresTaken;
}
