package app.custodian.returns.boundary.batch;

import app.custodian.returns.control.ReturnedMail;
import jakarta.mail.Message;

/**
 * One returned email between the steps of a chunk: the message in the mailbox (moved once its
 * return is committed), what identifies it, and what it is.
 */
record IncomingReturn(Message message, String sourceId, ReturnedMail returned) {}
