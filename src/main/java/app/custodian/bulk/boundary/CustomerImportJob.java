package app.custodian.bulk.boundary;

/** The {@code customer-import} job (batch-jobs/customer-import.xml). */
public final class CustomerImportJob {

  public static final String NAME = "customer-import";

  private CustomerImportJob() {}
}
