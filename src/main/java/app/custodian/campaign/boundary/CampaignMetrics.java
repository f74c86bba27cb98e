package app.custodian.campaign.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * MicroProfile Metrics counters of campaign messages by outcome ({@code /metrics}:
 * custodian_campaign_messages_total{outcome=...}); nothing where no metrics runtime exists.
 */
@ApplicationScoped
public class CampaignMetrics {

  static final String NAME = "custodian.campaign.messages";

  @Inject Instance<MetricRegistry> registry;

  public void count(String outcome) {
    if (registry.isResolvable()) {
      registry.get().counter(NAME, new Tag("outcome", outcome)).inc();
    }
  }
}
