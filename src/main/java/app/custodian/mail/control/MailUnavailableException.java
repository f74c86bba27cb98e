package app.custodian.mail.control;

/**
 * The message could not be handed over this time (SMTP 4xx, connection refused or lost, timeout,
 * authentication, a full disk): it may succeed later. The message never holds the recipient.
 */
public class MailUnavailableException extends Exception {

  private static final long serialVersionUID = 1L;

  public MailUnavailableException(String message) {
    super(message);
  }
}
