/**
 * The customer record: creation with validation and E.164 phones, reading, blind-index search,
 * merge-patch rectification, erasure, export and legal hold. Every staff access is audited. The
 * features above it contribute to a person's record without this one knowing them: a section of the
 * export and of the correspondence ({@code CustomerDataSection}), the current consents ({@code
 * CurrentConsents}), what happens on deletion ({@code CustomerDeletionListener}) and when an
 * address is set ({@code CustomerEmailSet}).
 */
package app.custodian.customer;
