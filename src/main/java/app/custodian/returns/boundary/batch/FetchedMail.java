package app.custodian.returns.boundary.batch;

import jakarta.mail.Message;

/**
 * A message of the returns mailbox as the reader hands it on: the message, and its raw bytes when
 * they came with its block's one fetch (IMAP); null when they are to be read from the message
 * itself (POP3, or a message the block's fetch did not return).
 */
record FetchedMail(Message message, byte[] raw) {}
