/**
 * Privacy requests of the person (access, rectification, erasure, withdrawal of consent, objection,
 * restriction): their deadlines from settings, identity verification by a code sent to the address
 * on file, by an operator's recorded check or by the public form's email link, fulfilment through
 * the customer and consent features, the emails that tell the person, and the public {@code
 * /privacy} form that never reveals whether an address belongs to a customer.
 */
package app.custodian.privacy;
