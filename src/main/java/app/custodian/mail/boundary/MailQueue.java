package app.custodian.mail.boundary;

/**
 * A table of emails waiting to be sent, owned by the feature that queues them; {@link
 * MailDispatcher} finds the due rows of every queue and hands them, one by one, to the queue.
 * Implemented by a session bean whose {@link #deliver} runs in a transaction of its own.
 */
public interface MailQueue {

  /**
   * The entity whose rows are the queue: a {@code String id} and a {@link
   * app.custodian.mail.entity.RetrySchedule} embedded as {@code retry}.
   */
  Class<?> rows();

  /**
   * Sends the row with this id if it is still due, under a row lock (another node may be at it),
   * and deletes it or schedules its retry.
   */
  void deliver(String id);
}
