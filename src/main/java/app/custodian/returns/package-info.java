/**
 * Mail returns: what comes back to the bounce and returns addresses, classified as a hard or soft
 * bounce (DSN, RFC 3464, and the non-standard notices of qmail, Exchange, Yahoo and others), a
 * complaint (ARF, RFC 5965), a {@code mailto:} unsubscribe, an auto-reply (RFC 3834) or unmatched,
 * with what identifies the message it answers (VERP token, original Message-ID, List-Unsubscribe
 * token) and a redacted diagnostic. The returned body is never kept.
 */
package app.custodian.returns;
