package app.custodian.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.util.Map;

/** A GreenMail SMTP server on a free port, and the settings that send Custodian's mail to it. */
public final class TestSmtp {

  private TestSmtp() {}

  public static GreenMail start() {
    GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    return smtp;
  }

  /** Points the settings at an SMTP server on this machine. */
  public static Map<String, String> sendTo(Map<String, String> settings, int port) {
    settings.put("CUSTODIAN_SMTP_HOST", "127.0.0.1");
    settings.put("CUSTODIAN_SMTP_PORT", String.valueOf(port));
    return settings;
  }
}
