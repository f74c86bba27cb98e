package app.custodian.processing.control;

import app.custodian.consent.entity.Purpose;
import app.custodian.customer.entity.DataCategory;
import app.custodian.processing.control.ProcessingActivity.LawfulBasis;
import app.custodian.retention.control.RetentionPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The processing activities of this installation, built from its settings and from the code's own
 * purpose list: a consent purpose added to {@link Purpose} does not compile until it is described
 * here.
 */
public final class ProcessingRecords {

  private static final List<DataCategory> CONTACT =
      List.of(
          DataCategory.FULL_NAME,
          DataCategory.EMAIL,
          DataCategory.PHONE,
          DataCategory.ADDRESS,
          DataCategory.ORGANIZATION,
          DataCategory.JOB_TITLE,
          DataCategory.FAX);
  private static final List<DataCategory> MAILING =
      List.of(DataCategory.FULL_NAME, DataCategory.EMAIL, DataCategory.MESSAGES);
  private static final String SMTP_RELAY = "the company's SMTP relay (processor)";

  private ProcessingRecords() {}

  public static List<ProcessingActivity> activities(RetentionPolicy retention) {
    String afterContract =
        "until "
            + retention.afterContractEnd()
            + " after the customer's last contract ends (CUSTODIAN_RETENTION_AFTER_CONTRACT_END),"
            + " unless a legal hold applies";
    List<ProcessingActivity> activities = new ArrayList<>();
    activities.add(
        new ProcessingActivity(
            "SERVICE",
            "Providing the contracted cloud, backup or hosting service: customer record,"
                + " contracts, support and billing",
            LawfulBasis.CONTRACT,
            null,
            plus(CONTACT, DataCategory.CONTRACTS),
            List.of(
                "the payment processor acting for the company",
                "law enforcement, when the law requires it"),
            afterContract
                + "; a person who never had a contract and holds no consent: until "
                + retention.leadInactivity()
                + " without activity (CUSTODIAN_RETENTION_LEAD_INACTIVITY)"));
    for (Purpose purpose : Purpose.values()) {
      activities.add(
          new ProcessingActivity(
              purpose.name(),
              description(purpose),
              LawfulBasis.CONSENT,
              purpose.name(),
              categories(purpose),
              List.of(
                  purpose == Purpose.THIRD_PARTY_SHARING
                      ? "the third parties named in the disclosure log"
                      : SMTP_RELAY),
              "while consent is granted; the ledger of grants and withdrawals " + afterContract));
    }
    activities.add(
        new ProcessingActivity(
            "LEGAL_DUTIES",
            "Answering privacy requests, keeping the consent ledger and the disclosure log,"
                + " telling customers of policy changes and of personal data breaches",
            LawfulBasis.LEGAL_OBLIGATION,
            null,
            plus(CONTACT, DataCategory.CONSENT_RECORDS, DataCategory.MESSAGES),
            List.of(SMTP_RELAY, "the Ministry of Public Security (A05), for breach reports"),
            afterContract));
    return activities;
  }

  private static String description(Purpose purpose) {
    return switch (purpose) {
      case NEWSLETTER -> "Newsletters and offers by email (advertising, Decree 91/2020)";
      case RENEWAL_REMINDER -> "Reminders by email before a contract ends";
      case SURVEY -> "Satisfaction surveys by email";
      case THIRD_PARTY_SHARING ->
          "Sharing with third parties the person agreed to; each disclosure is logged";
    };
  }

  private static List<DataCategory> categories(Purpose purpose) {
    return switch (purpose) {
      case NEWSLETTER, SURVEY -> MAILING;
      case RENEWAL_REMINDER -> plus(MAILING, DataCategory.CONTRACTS);
      case THIRD_PARTY_SHARING -> CONTACT;
    };
  }

  private static List<DataCategory> plus(List<DataCategory> base, DataCategory... more) {
    return Stream.concat(base.stream(), Stream.of(more)).toList();
  }
}
