package app.custodian.platform.database;

/**
 * The data source of the batch job repository's pool: the application's PostgreSQL when {@code
 * CUSTODIAN_DB_URL} is set, else an H2 file of its own (see {@link
 * DatabaseSettings#forBatchRepository()}). Job parameters and the repository hold ids only.
 */
public class BatchRepositoryDataSource extends CustodianDataSource {

  public BatchRepositoryDataSource() {
    super(DatabaseSettings.forBatchRepository());
  }
}
