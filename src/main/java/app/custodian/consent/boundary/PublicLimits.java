package app.custodian.consent.boundary;

import app.custodian.platform.control.WindowLimit;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How often the public forms that send email (the privacy form, the preference page) may be posted:
 * per client address ({@code CUSTODIAN_PUBLIC_LIMIT_PER_CLIENT}) in this node's memory, and per
 * email address ({@code CUSTODIAN_PUBLIC_LIMIT_PER_ADDRESS}) in the database, each per hour. The
 * one-click unsubscribe is not limited: mail providers post it for many people from few servers.
 */
@ApplicationScoped
public class PublicLimits {

  public static final Duration WINDOW = Duration.ofHours(1);
  private static final int MAX_CLIENTS = 100_000;

  @Inject
  @ConfigProperty(name = "custodian.public.limit.per.client", defaultValue = "60")
  int perClient;

  @Inject
  @ConfigProperty(name = "custodian.public.limit.per.address", defaultValue = "5")
  int perAddress;

  private WindowLimit clients;

  @PostConstruct
  void start() {
    clients = new WindowLimit(perClient, WINDOW, MAX_CLIENTS, Clock.systemUTC());
  }

  /** Counts one post from this client; false when it has posted too often this hour. */
  public boolean clientMayPost(String clientAddress) {
    return clients.tryAcquire(clientAddress);
  }

  /** Posts about one email address allowed per hour. */
  public int perAddress() {
    return perAddress;
  }
}
