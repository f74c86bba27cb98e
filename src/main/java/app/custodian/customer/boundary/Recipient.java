package app.custodian.customer.boundary;

/** What other features need to write to a customer, and to check the address's suppression. */
public record Recipient(
    String customerId, String fullName, String email, String emailIndex, String locale) {}
