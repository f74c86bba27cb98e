package app.custodian.notice.boundary.batch;

import app.custodian.mail.control.OutboundMail;

/** A rendered notice to one customer and the blind index of their address. */
record NoticeMessage(String customerId, String addressIndex, OutboundMail mail) {}
