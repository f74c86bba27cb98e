package app.custodian.platform.boundary;

import app.custodian.platform.control.BaseUrl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where browsers and email readers reach this Custodian, from {@code CUSTODIAN_BASE_URL}. */
@ApplicationScoped
public class PublicAddress {

  @Inject
  @ConfigProperty(name = "custodian.base.url")
  Optional<String> configured;

  // Payara Micro's own property: the port it listens on.
  @Inject
  @ConfigProperty(name = "payara.instance.http.port", defaultValue = "8080")
  String httpPort;

  public BaseUrl baseUrl() {
    return BaseUrl.resolve(configured, httpPort);
  }
}
