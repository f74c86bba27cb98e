/**
 * Delivery: the one send-once pipeline of every mail job ({@code newsletter-send}, {@code
 * renewal-reminders}, {@code policy-notice}, {@code breach-notice}). Per message: claim (a PENDING
 * row under a new message key, committed before the SMTP hand-off), pace ({@code
 * CUSTODIAN_SEND_RATE}), send on parallel senders with retries, settle (SENT with the Message-ID,
 * FAILED, UNCERTAIN) with its audit entry, and suppress the address on a hard bounce. The message
 * key, from one sequence across the delivery tables, names the message in its envelope sender
 * (VERP), so that what comes back maps to it whatever job sent it. Each job keeps its own table and
 * plugs in through {@link app.custodian.delivery.control.Delivery}.
 */
package app.custodian.delivery;
