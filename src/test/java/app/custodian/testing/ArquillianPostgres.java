package app.custodian.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts PostgreSQL for the Payara Micro that Arquillian starts, and hands the database to it as
 * JVM options in the system property {@code custodian.arquillian.jvm}, which arquillian.xml uses.
 * Register it before {@link ArquillianExtension}: that one reads arquillian.xml, once per test JVM,
 * in its first beforeAll. Inside the container the extension runs again and does nothing.
 */
public final class ArquillianPostgres implements BeforeAllCallback {

  static final String JVM_OPTIONS = "custodian.arquillian.jvm";

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    boolean inContainer =
        context
            .getConfigurationParameter(
                ArquillianExtension.RUNNING_INSIDE_ARQUILLIAN, Boolean::valueOf)
            .orElse(false);
    if (inContainer || System.getProperty(JVM_OPTIONS) != null) {
      return;
    }
    Postgres postgres = Postgres.start();
    // Closed when the whole test run ends, long after Arquillian has stopped Payara.
    context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .put(postgres, (ExtensionContext.Store.CloseableResource) postgres::close);
    Path dataDir = Files.createTempDirectory("custodian-arquillian");
    StringBuilder options =
        new StringBuilder()
            .append("-DCUSTODIAN_DB_URL=")
            .append(postgres.createDatabase())
            .append(" -DCUSTODIAN_DB_USER=")
            .append(postgres.user())
            .append(" -DCUSTODIAN_DATA_DIR=")
            .append(dataDir)
            .append(" -Dcustodian.data.dir=")
            .append(dataDir)
            .append(" -Dcustodian.audit.key=")
            .append(TestKeys.random())
            .append(" -Dcustodian.pii.key=")
            .append(TestKeys.random())
            .append(" -Dcustodian.token.key=")
            .append(TestKeys.random())
            .append(" -Dcustodian.index.key=")
            .append(TestKeys.random());
    if (postgres.password() != null) {
      options.append(" -DCUSTODIAN_DB_PASSWORD=").append(postgres.password());
    }
    System.setProperty(JVM_OPTIONS, options.toString());
  }
}
