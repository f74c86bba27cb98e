/**
 * The audit trail: entries (ids only) written in the transaction of the act they record, sealed
 * into a SHA-256 hash chain by one lock holder, listed with filters and verified end to end.
 */
package app.custodian.audit;
