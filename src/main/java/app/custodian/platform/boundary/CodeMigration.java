package app.custodian.platform.boundary;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Flyway migration written in Java because it needs the application's keys, made a CDI bean so
 * that {@link SchemaMigration} hands it to Flyway with those keys injected. Runs in the migration's
 * transaction; no checksum, as its code is the script.
 */
public abstract class CodeMigration implements JavaMigration {

  private final MigrationVersion version;
  private final String description;

  protected CodeMigration(String version, String description) {
    this.version = MigrationVersion.fromVersion(version);
    this.description = description;
  }

  @Override
  public MigrationVersion getVersion() {
    return version;
  }

  @Override
  public String getDescription() {
    return description;
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }
}
