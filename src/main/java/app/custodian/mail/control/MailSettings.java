package app.custodian.mail.control;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.file.Path;

/**
 * Where mail goes: the SMTP relay, or the outbox directory when {@code smtpHost} is null or blank.
 * {@code from} may carry a display name ({@code Custodian <no-reply@example.vn>}).
 */
public record MailSettings(
    String smtpHost,
    int smtpPort,
    String user,
    String password,
    boolean startTls,
    String from,
    Path outboxDir) {

  public boolean usesSmtp() {
    return smtpHost != null && !smtpHost.isBlank();
  }

  /** The bare address of {@code from}, without a display name: for {@code mailto:} links. */
  public String fromAddress() {
    try {
      return new InternetAddress(from, true).getAddress();
    } catch (AddressException e) {
      throw new IllegalArgumentException("The sender address is invalid: " + from, e);
    }
  }

  boolean authenticates() {
    return user != null && !user.isBlank();
  }

  @Override
  public String toString() {
    return "MailSettings[smtpHost="
        + smtpHost
        + ", smtpPort="
        + smtpPort
        + ", user="
        + user
        + ", password="
        + (password == null ? null : "***")
        + ", startTls="
        + startTls
        + ", from="
        + from
        + ", outboxDir="
        + outboxDir
        + "]";
  }
}
