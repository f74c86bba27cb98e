package app.custodian.customer.boundary;

/**
 * Fired (synchronously, in the transaction of the change) when a customer is created or rectified,
 * before the record is written: a feature keyed by the address may catch up with it.
 */
public record CustomerEmailSet(String email) {}
