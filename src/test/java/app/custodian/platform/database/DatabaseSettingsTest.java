package app.custodian.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

  @Test
  void theEmbeddedBatchRepositoryIsAnH2FileInNativeModeBesideIt() {
    // Payara's job repository tables use BLOB, which H2's PostgreSQL mode rejects
    assertEquals(
        "jdbc:h2:file:/var/lib/custodian/db/batch-repository",
        DatabaseSettings.embeddedBatchRepositoryUrl(Path.of("/var/lib/custodian")));
  }

  @Test
  void theEmbeddedDatabaseIsAnH2FileInPostgreSqlModeUnderTheDataDirectory() {
    String url = DatabaseSettings.embeddedUrl(Path.of("/var/lib/custodian"));
    assertEquals(
        "jdbc:h2:file:/var/lib/custodian/db/custodian;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH",
        url);
    assertTrue(new DatabaseSettings(url, null, null).embedded());
    assertFalse(new DatabaseSettings("jdbc:postgresql://db/custodian", "u", "p").embedded());
  }
}
