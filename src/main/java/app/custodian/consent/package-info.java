/**
 * Consent: the purposes, the append-only consent ledger and the current state derived from it, the
 * suppression list (a deleted person's address goes on it: {@code ErasedAddresses}), the public
 * unsubscribe and preference pages, and the confirmation emails ({@code ConsentEmail}). The policy
 * version a consent event names comes through {@code PolicyInForce}, which the policy feature
 * answers.
 */
package app.custodian.consent;
