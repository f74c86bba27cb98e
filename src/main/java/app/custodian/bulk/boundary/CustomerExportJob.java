package app.custodian.bulk.boundary;

/** The {@code customer-export} job (batch-jobs/customer-export.xml). */
public final class CustomerExportJob {

  public static final String NAME = "customer-export";

  private CustomerExportJob() {}
}
