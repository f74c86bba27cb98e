package app.custodian.testing;

import com.icegreen.greenmail.util.GreenMail;
import java.nio.file.Path;
import java.util.Map;

/**
 * The packaged application on PostgreSQL with GreenMail, an account for each role, and browsers
 * that sign in to the portal. Starts nothing when this machine has no Chromium.
 */
public final class PortalStack implements AutoCloseable {

  public static final String ADMIN_PASSWORD = "admin-password-for-tests";
  public static final String STAFF_PASSWORD = "staff-password-for-tests";

  /**
   * The account of each role: {@code admin}, {@code operator}, {@code marketing}, {@code auditor}.
   */
  public static final Map<String, String> ACCOUNTS =
      Map.of(
          "ADMIN", "admin", "OPERATOR", "operator", "MARKETING", "marketing", "AUDITOR", "auditor");

  public final GreenMail smtp;
  public final Postgres postgres;
  public final String databaseUrl;
  public final CustodianProcess custodian;
  public final Api admin;

  private PortalStack(Path dataDir, Map<String, String> settings) {
    smtp = TestSmtp.start();
    postgres = Postgres.start();
    databaseUrl = postgres.createDatabase();
    Map<String, String> env = postgres.custodianSettings(databaseUrl, dataDir, ADMIN_PASSWORD);
    TestSmtp.sendTo(env, smtp.getSmtp().getPort());
    env.put("CUSTODIAN_PII_KEY", TestKeys.random());
    env.put("CUSTODIAN_TOKEN_KEY", TestKeys.random());
    env.put("CUSTODIAN_COMPANY_ADDRESS", "12 Lý Thường Kiệt, Hà Nội");
    env.putAll(settings);
    custodian = new CustodianProcess(dataDir, env).start();
    admin = custodian.api("admin", ADMIN_PASSWORD);
    ACCOUNTS.forEach(
        (role, username) -> {
          if (!"ADMIN".equals(role)) {
            admin.newAccount(username, STAFF_PASSWORD, role);
          }
        });
  }

  /** Starts the stack, or skips the calling test class when no Chromium is installed. */
  public static PortalStack start(Path dataDir, Map<String, String> settings) {
    Browser.assumeInstalled();
    return new PortalStack(dataDir, settings);
  }

  public Browser browser() {
    return Browser.open(custodian.baseUri());
  }

  /** A browser signed in as the account of {@code role}. */
  public Browser signedInAs(String role) {
    String username = ACCOUNTS.get(role);
    String password = "ADMIN".equals(role) ? ADMIN_PASSWORD : STAFF_PASSWORD;
    Browser browser = browser();
    try {
      return browser.signIn(username, password);
    } catch (RuntimeException e) {
      browser.close();
      throw e;
    }
  }

  @Override
  public void close() throws Exception {
    Resources.closeAll(custodian, postgres, smtp::stop);
  }
}
