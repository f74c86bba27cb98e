/**
 * Consent: the purposes, the append-only consent ledger and the current state derived from it, the
 * suppression list, the public unsubscribe and preference pages, and the confirmation emails.
 */
package app.custodian.consent;
