package app.custodian.platform.boundary.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The staff API. Every resource under it needs an authenticated account (see web.xml). */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Custodian API",
            version = "1",
            description = "Customer records, consent and privacy duties; HTTP Basic for staff."))
public class RestApplication extends Application {}
