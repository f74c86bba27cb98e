package app.custodian.platform.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The staff API. Every resource under it needs an authenticated account (see web.xml). */
@ApplicationPath("/api/v1")
public class RestApplication extends Application {}
