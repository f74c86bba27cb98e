package app.custodian.disclosure.boundary;

import app.custodian.customer.entity.DataCategory;
import app.custodian.disclosure.entity.Disclosure;
import app.custodian.disclosure.entity.LegalBasis;
import jakarta.json.bind.annotation.JsonbNillable;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** A disclosure as staff and the export see it; absent optional fields are null, not missing. */
@JsonbNillable
public record DisclosureView(
    String id,
    String customerId,
    String recipient,
    LegalBasis legalBasis,
    List<DataCategory> dataCategories,
    String reference,
    Instant disclosedAt,
    Instant recordedAt,
    String recordedBy,
    String consentEventId)
    implements Serializable {

  static DisclosureView of(Disclosure d) {
    return new DisclosureView(
        d.id(),
        d.customerId(),
        d.recipient(),
        d.legalBasis(),
        d.dataCategories(),
        d.reference(),
        d.disclosedAt(),
        d.recordedAt(),
        d.recordedBy(),
        d.consentEventId());
  }
}
