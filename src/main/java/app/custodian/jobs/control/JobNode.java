package app.custodian.jobs.control;

/** The node an execution started on, and whether another node took it over (and as what). */
public record JobNode(
    long executionId,
    String jobName,
    String nodeId,
    String nodeName,
    boolean ended,
    String takenOverBy,
    Long successorId) {

  public boolean takenOver() {
    return takenOverBy != null;
  }
}
