/**
 * The records of processing activities (GDPR art. 30; Decree 13): purposes, data categories,
 * recipients, retention periods and security measures, generated from the configuration, the code's
 * purpose list and the disclosure log.
 */
package app.custodian.processing;
