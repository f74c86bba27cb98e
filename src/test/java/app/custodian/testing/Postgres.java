package app.custodian.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for tests: the one named by CUSTODIAN_TEST_DB_URL (a JDBC URL of a
 * database whose user may create databases), or else embedded PostgreSQL binaries started here.
 * Each test class gets a database of its own.
 */
public final class Postgres implements AutoCloseable {

  private static final AtomicInteger DATABASES = new AtomicInteger();

  private final EmbeddedPostgres embedded;
  private final String adminUrl;
  private final String user;
  private final String password;

  private Postgres(EmbeddedPostgres embedded, String adminUrl, String user, String password) {
    this.embedded = embedded;
    this.adminUrl = adminUrl;
    this.user = user;
    this.password = password;
  }

  public static Postgres start() {
    return start(Map.of());
  }

  /**
   * As {@link #start()}, with server settings for the embedded server (such as {@code
   * shared_preload_libraries}); an external server is used as it is.
   */
  public static Postgres start(Map<String, String> serverConfig) {
    String external = System.getenv("CUSTODIAN_TEST_DB_URL");
    if (external != null && !external.isBlank()) {
      return new Postgres(
          null,
          external,
          System.getenv("CUSTODIAN_TEST_DB_USER"),
          System.getenv("CUSTODIAN_TEST_DB_PASSWORD"));
    }
    try {
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
      serverConfig.forEach(builder::setServerConfig);
      EmbeddedPostgres pg = builder.start();
      return new Postgres(pg, pg.getJdbcUrl("postgres", "postgres"), "postgres", null);
    } catch (IOException e) {
      throw new IllegalStateException("Could not start embedded PostgreSQL", e);
    }
  }

  /** Creates an empty database and returns its JDBC URL. */
  public String createDatabase() {
    String name =
        "custodian_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection c = DriverManager.getConnection(adminUrl, user, password);
        Statement s = c.createStatement()) {
      s.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create a test database", e);
    }
    int slash = adminUrl.lastIndexOf('/');
    int query = adminUrl.indexOf('?', slash);
    return adminUrl.substring(0, slash + 1) + name + (query < 0 ? "" : adminUrl.substring(query));
  }

  /** The settings that point Custodian at one of this server's databases. */
  public Map<String, String> custodianSettings(String url) {
    Map<String, String> settings = new HashMap<>();
    settings.put("CUSTODIAN_DB_URL", url);
    settings.put("CUSTODIAN_DB_USER", user);
    if (password != null) {
      settings.put("CUSTODIAN_DB_PASSWORD", password);
    }
    return settings;
  }

  /**
   * The settings of a test's Custodian: one of this server's databases, its data directory, the
   * bootstrap admin's password and every key (given, as on any database of one's own: a missing one
   * stops the start).
   */
  public Map<String, String> custodianSettings(String url, Path dataDir, String adminPassword) {
    Map<String, String> settings = custodianSettings(url);
    settings.put("CUSTODIAN_DATA_DIR", dataDir.toString());
    settings.put("CUSTODIAN_ADMIN_PASSWORD", adminPassword);
    settings.putAll(keys());
    return settings;
  }

  /** Each key a start on PostgreSQL needs, random. */
  public static Map<String, String> keys() {
    Map<String, String> keys = new HashMap<>();
    for (String key : java.util.List.of("PII", "TOKEN", "INDEX", "AUDIT")) {
      keys.put("CUSTODIAN_" + key + "_KEY", TestKeys.random());
    }
    return keys;
  }

  public Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  @Override
  public void close() throws IOException {
    if (embedded != null) {
      embedded.close();
    }
  }
}
