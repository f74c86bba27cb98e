package app.custodian.platform.database;

import java.nio.file.Path;

/**
 * Where the database is. Read from the environment (or system properties of the same name) because
 * this class is loaded by the server, outside the application and its MicroProfile Config.
 */
public record DatabaseSettings(String url, String user, String password) {

  static final String DEFAULT_DATA_DIR = "./data";

  public static DatabaseSettings fromEnvironment() {
    String url = setting("CUSTODIAN_DB_URL");
    if (url == null) {
      url = embeddedUrl(dataDirectory());
    }
    return new DatabaseSettings(
        url, setting("CUSTODIAN_DB_USER"), setting("CUSTODIAN_DB_PASSWORD"));
  }

  public boolean embedded() {
    return url.startsWith("jdbc:h2:");
  }

  static String embeddedUrl(Path dataDir) {
    Path file = dataDir.resolve("db").resolve("custodian").toAbsolutePath().normalize();
    return "jdbc:h2:file:" + file + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH";
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
