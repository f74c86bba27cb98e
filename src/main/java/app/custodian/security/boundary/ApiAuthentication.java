package app.custodian.security.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;

/** The staff API authenticates with HTTP Basic (TLS in production). */
@BasicAuthenticationMechanismDefinition(realmName = "Custodian")
@ApplicationScoped
public class ApiAuthentication {}
