/**
 * Versions of the privacy policy, which one is in force on a day (consent events name it: policy
 * answers consent's {@code PolicyInForce}), and the {@code policy-notice} job, a topic of the
 * {@code notice} feature, that tells every live customer about a version, once.
 */
package app.custodian.policy;
