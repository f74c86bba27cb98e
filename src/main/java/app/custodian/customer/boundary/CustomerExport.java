package app.custodian.customer.boundary;

import app.custodian.campaign.boundary.MessageSent;
import app.custodian.consent.boundary.ConsentHistoryItem;
import app.custodian.contract.boundary.ContractView;
import app.custodian.disclosure.boundary.DisclosureView;
import app.custodian.notice.boundary.NoticeSent;
import app.custodian.privacy.boundary.PrivacyRequestRecord;
import app.custodian.renewal.boundary.ReminderSent;
import java.time.Instant;
import java.util.List;

/** Everything held about one person, as one machine-readable document. */
public record CustomerExport(
    Instant exportedAt,
    CustomerView profile,
    List<ConsentHistoryItem> consentHistory,
    List<ContractView> contracts,
    List<MessageSent> messages,
    List<ReminderSent> renewalReminders,
    List<DisclosureView> disclosures,
    List<NoticeSent> notices,
    List<PrivacyRequestRecord> privacyRequests) {}
