package app.custodian.bench;

import java.time.Duration;

/**
 * The several-nodes benchmark's knobs, from system properties; a blank value means the default, a
 * run of a few minutes.
 */
record NodesSettings(
    int customers,
    int loaders,
    int clients,
    Duration warmup,
    Duration measure,
    int audience,
    int sendRate,
    Duration shortNodeTimeout) {

  static NodesSettings fromSystemProperties() {
    return new NodesSettings(
        Integer.parseInt(BenchSettings.text("bench.customers", "5000")),
        Integer.parseInt(BenchSettings.text("bench.loaders", "16")),
        Integer.parseInt(BenchSettings.text("bench.clients", "200")),
        Duration.ofSeconds(Integer.parseInt(BenchSettings.text("bench.nodeWarmupSeconds", "30"))),
        Duration.ofSeconds(Integer.parseInt(BenchSettings.text("bench.nodeSeconds", "20"))),
        Integer.parseInt(BenchSettings.text("bench.audience", "600")),
        Integer.parseInt(BenchSettings.text("bench.sendRate", "20")),
        Duration.parse(BenchSettings.text("bench.shortNodeTimeout", "PT5S")));
  }

  @Override
  public String toString() {
    return ("customers=%d loaders=%d clients=%d warmup=%ds measure=%ds audience=%d"
            + " CUSTODIAN_SEND_RATE=%d short CUSTODIAN_NODE_TIMEOUT=%s")
        .formatted(
            customers,
            loaders,
            clients,
            warmup.toSeconds(),
            measure.toSeconds(),
            audience,
            sendRate,
            shortNodeTimeout);
  }
}
