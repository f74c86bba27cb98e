/**
 * Versions of the privacy policy, which one is in force on a day (consent events name it), and the
 * {@code policy-notice} job that tells every live customer about a version, once.
 */
package app.custodian.policy;
