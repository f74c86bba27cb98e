package app.custodian.mail.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MailSettingsTest {

  private static MailSettings from(String from) {
    return new MailSettings(null, 25, "user", "secret", false, from, null);
  }

  @Test
  void theBareSenderAddressComesWithoutItsDisplayName() {
    assertEquals("privacy@an-tam.vn", from("Công ty An Tâm <privacy@an-tam.vn>").fromAddress());
    assertEquals("no-reply@localhost", from("no-reply@localhost").fromAddress());
    assertThrows(IllegalArgumentException.class, () -> from("not an address <").fromAddress());
  }

  @Test
  void noHostMeansTheOutboxAndThePasswordNeverShows() {
    assertFalse(from("a@b").usesSmtp());
    assertTrue(new MailSettings("smtp.example", 25, null, null, false, "a@b", null).usesSmtp());
    assertFalse(from("a@b").toString().contains("secret"));
  }
}
