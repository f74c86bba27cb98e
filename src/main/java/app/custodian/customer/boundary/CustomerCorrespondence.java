package app.custodian.customer.boundary;

import app.custodian.campaign.boundary.MessageSent;
import app.custodian.notice.boundary.NoticeSent;
import app.custodian.renewal.boundary.ReminderSent;
import java.util.List;

/** What was sent to one person and why: campaign messages, renewal reminders, service notices. */
public record CustomerCorrespondence(
    List<MessageSent> messages, List<ReminderSent> renewalReminders, List<NoticeSent> notices) {}
