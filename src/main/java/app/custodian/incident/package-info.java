/**
 * The breach register (Decree 13/2023 art. 23 and Form 03; GDPR art. 33/34): incidents with their
 * 72-hour authority deadline, the people affected (ids), the authority report, and the {@code
 * breach-notice} job that tells each affected customer, once.
 */
package app.custodian.incident;
