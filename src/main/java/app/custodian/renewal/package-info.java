/**
 * Renewal reminders: the {@code renewal-reminders} job emails a service notice before a contract
 * ends, on each of {@code CUSTODIAN_RENEWAL_OFFSETS} days, to customers who granted {@code
 * RENEWAL_REMINDER}; at most once per (contract, offset), and a missed day is caught up.
 */
package app.custodian.renewal;
