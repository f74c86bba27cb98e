package app.custodian.bulk.boundary;

import app.custodian.bulk.control.ImportMode;

/** An import as its job sees it: which, how, for whom (the audit's actor), and how far. */
public record ImportRun(
    String id, ImportMode mode, boolean dryRun, String actor, long rowsDone, String status) {

  /** Whether the import may still run: not completed, invalid or abandoned. */
  public boolean open() {
    return ImportProgress.RUNNING.equals(status) || ImportProgress.FAILED.equals(status);
  }
}
