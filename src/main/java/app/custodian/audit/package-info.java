/**
 * The audit trail: entries (ids only) written in the transaction of the act they record, each with
 * a MAC under the audit key, sealed into a SHA-256 hash chain by one lock holder (never an entry
 * without a valid MAC), listed with filters and verified end to end.
 */
package app.custodian.audit;
