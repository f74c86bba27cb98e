package app.custodian.processing.boundary;

import app.custodian.customer.entity.DataCategory;
import app.custodian.disclosure.boundary.DisclosureRecipient;
import app.custodian.processing.control.ProcessingActivity;
import java.time.Instant;
import java.util.List;

/** The records of processing activities (GDPR art. 30; Decree 13), as this installation runs. */
public record RecordsOfProcessing(
    Instant generatedAt,
    ControllerView controller,
    List<ProcessingActivity> activities,
    List<DataCategory> dataCategories,
    List<DisclosureRecipient> recipients,
    RetentionView retention,
    List<String> securityMeasures) {

  public record ControllerView(String name, String address, String contactPoint) {}

  public record RetentionView(
      String afterContractEnd, String leadInactivity, String zone, String nightlyAt) {}
}
