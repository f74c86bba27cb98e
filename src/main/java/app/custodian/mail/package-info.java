/**
 * Outbound mail: Mustache templates per locale, the {@code [QC]} label and the footer that Decree
 * 91/2020 demands, one-click unsubscribe headers (RFC 2369, RFC 8058), and delivery over pooled
 * SMTP connections or, with no relay configured, as {@code .eml} files in the outbox.
 */
package app.custodian.mail;
