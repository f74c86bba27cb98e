package app.custodian.campaign.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * MicroProfile Metrics counters of campaign messages by outcome ({@code /metrics}:
 * custodian_campaign_messages_total{outcome=...}); nothing where no metrics runtime exists.
 */
@ApplicationScoped
public class CampaignMetrics {

  static final String NAME = "custodian.campaign.messages";
  static final String[] OUTCOMES = {
    "sent", "failed", "uncertain", "skipped_no_consent", "skipped_suppressed", "deferred", "gone"
  };

  @Inject Instance<MetricRegistry> registry;

  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  // Payara's registry can only be looked up on a container thread, not on the senders' threads.
  void atStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    if (registry.isResolvable()) {
      MetricRegistry metrics = registry.get();
      for (String outcome : OUTCOMES) {
        counters.put(outcome, metrics.counter(NAME, new Tag("outcome", outcome)));
      }
    }
  }

  public void count(String outcome) {
    Counter counter = counters.get(outcome);
    if (counter != null) {
      counter.inc();
    }
  }
}
