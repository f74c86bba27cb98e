package app.custodian.platform.database;

import java.nio.file.Path;

/**
 * Where the database is. Read from the environment (or system properties of the same name) because
 * this class is loaded by the server, outside the application and its MicroProfile Config.
 */
public record DatabaseSettings(String url, String user, String password) {

  static final String DEFAULT_DATA_DIR = "./data";

  public static DatabaseSettings fromEnvironment() {
    return fromEnvironment(embeddedUrl(dataDirectory()));
  }

  /**
   * The database of the batch job repository: the application's PostgreSQL, or an H2 file of its
   * own in H2's native mode, because Payara's job repository needs BLOB columns, which H2's
   * PostgreSQL mode does not have.
   */
  public static DatabaseSettings forBatchRepository() {
    return fromEnvironment(embeddedBatchRepositoryUrl(dataDirectory()));
  }

  private static DatabaseSettings fromEnvironment(String embeddedUrl) {
    String url = setting("CUSTODIAN_DB_URL");
    return new DatabaseSettings(
        url == null ? embeddedUrl : url,
        setting("CUSTODIAN_DB_USER"),
        setting("CUSTODIAN_DB_PASSWORD"));
  }

  public boolean embedded() {
    return url.startsWith("jdbc:h2:");
  }

  static String embeddedUrl(Path dataDir) {
    Path file = dataDir.resolve("db").resolve("custodian").toAbsolutePath().normalize();
    return "jdbc:h2:file:" + file + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH";
  }

  static String embeddedBatchRepositoryUrl(Path dataDir) {
    Path file = dataDir.resolve("db").resolve("batch-repository").toAbsolutePath().normalize();
    return "jdbc:h2:file:" + file;
  }

  static Path dataDirectory() {
    String dir = setting("CUSTODIAN_DATA_DIR");
    return Path.of(dir == null ? DEFAULT_DATA_DIR : dir);
  }

  private static String setting(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      value = System.getenv(name);
    }
    return value == null || value.isBlank() ? null : value.trim();
  }
}
