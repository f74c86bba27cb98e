package app.custodian.consent.boundary;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** A customer's consents: the state per purpose and the whole ledger, oldest first. */
public record ConsentsView(Map<String, CurrentConsent> current, List<ConsentHistoryItem> history)
    implements Serializable {}
