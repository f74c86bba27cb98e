/**
 * The customer record: creation with validation and E.164 phones, reading, blind-index search,
 * merge-patch rectification, erasure, export and legal hold. Every staff access is audited.
 */
package app.custodian.customer;
