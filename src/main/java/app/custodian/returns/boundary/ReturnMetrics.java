package app.custodian.returns.boundary;

import app.custodian.returns.control.ReturnedMail.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * MicroProfile Metrics counters of recorded mail returns by kind ({@code /metrics}:
 * custodian_mail_returns_total{kind="hard_bounce"...}); nothing where no metrics runtime exists.
 */
@ApplicationScoped
public class ReturnMetrics {

  static final String NAME = "custodian.mail.returns";

  @Inject Instance<MetricRegistry> registry;

  private final Map<Kind, Counter> counters = new ConcurrentHashMap<>();

  // Payara's registry can only be looked up on a container thread.
  void atStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    if (registry.isResolvable()) {
      MetricRegistry metrics = registry.get();
      for (Kind kind : Kind.values()) {
        counters.put(kind, metrics.counter(NAME, new Tag("kind", label(kind))));
      }
    }
  }

  public void count(Kind kind) {
    Counter counter = counters.get(kind);
    if (counter != null) {
      counter.inc();
    }
  }

  static String label(Kind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }
}
