package app.custodian.jobs.boundary;

import java.util.List;
import java.util.Properties;

/**
 * What a job did, for the executions API: each job that reports implements this as a CDI bean. Ids
 * and counts only, never personal data.
 */
public interface JobReport {

  /** The job this reports on. */
  String jobName();

  /**
   * @param executionIds the execution asked about and the earlier executions of its job instance (a
   *     restart continues their work), oldest first
   * @param parameters the execution's job parameters
   * @return a JSON-B serialisable report
   */
  Object report(List<Long> executionIds, Properties parameters);
}
