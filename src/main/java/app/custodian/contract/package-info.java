/**
 * Contracts: what a customer has signed up for and when it ends, by its planned end date or by
 * termination. Renewal reminders and the retention purge read these dates.
 */
package app.custodian.contract;
