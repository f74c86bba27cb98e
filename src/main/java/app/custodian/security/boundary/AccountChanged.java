package app.custodian.security.boundary;

/** An account's roles, password or lock were changed by an admin. */
public record AccountChanged(String accountId) {}
