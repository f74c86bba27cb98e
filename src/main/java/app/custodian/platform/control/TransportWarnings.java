package app.custodian.platform.control;

import java.util.ArrayList;
import java.util.List;

/** Settings that would send passwords or personal data in clear text, said once at start. */
public final class TransportWarnings {

  private TransportWarnings() {}

  /**
   * @param onPostgresql whether {@code CUSTODIAN_DB_URL} is set: the production setup
   * @param smtpLogin whether {@code CUSTODIAN_SMTP_USER} is set
   */
  public static List<String> of(
      BaseUrl base, boolean onPostgresql, boolean smtpLogin, boolean smtpStartTls) {
    List<String> warnings = new ArrayList<>();
    if (onPostgresql && !base.https()) {
      warnings.add(
          "CUSTODIAN_BASE_URL is not https while the database is PostgreSQL: staff passwords,"
              + " session cookies and personal data would cross the network in clear text, and"
              + " links in emails would be plain http. Serve Custodian over TLS and set"
              + " CUSTODIAN_BASE_URL=https://...");
    }
    if (smtpLogin && !smtpStartTls) {
      warnings.add(
          "CUSTODIAN_SMTP_USER is set but CUSTODIAN_SMTP_STARTTLS is not true: the SMTP password"
              + " and every message would cross the network in clear text");
    }
    return warnings;
  }
}
