package app.custodian.disclosure.boundary;

import app.custodian.disclosure.entity.LegalBasis;

/** Someone who received personal data, on which basis, and in how many disclosures. */
public record DisclosureRecipient(String recipient, LegalBasis legalBasis, long disclosures) {}
