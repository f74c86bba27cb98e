package app.custodian.renewal.boundary.batch;

import app.custodian.mail.control.OutboundMail;
import app.custodian.renewal.control.DueContract;

/** A rendered reminder, the consent event that allows it and the address's blind index. */
record ReminderMessage(
    DueContract contract, String consentEventId, String addressIndex, OutboundMail mail) {}
