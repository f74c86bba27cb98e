/**
 * Jobs: starting, following and restarting the application's Jakarta Batch jobs (job XML under
 * {@code META-INF/batch-jobs}), including executions whose process died while they ran.
 */
package app.custodian.jobs;
