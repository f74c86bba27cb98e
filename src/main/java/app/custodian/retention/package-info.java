/**
 * Retention: the rules that say when a person's data must go ({@code CUSTODIAN_RETENTION_*}), the
 * {@code retention-purge} job that applies them (with a dry run), its receipts, and the nightly run
 * that starts renewal reminders and the purge once per cluster.
 */
package app.custodian.retention;
