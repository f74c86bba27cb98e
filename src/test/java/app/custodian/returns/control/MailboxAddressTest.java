package app.custodian.returns.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MailboxAddressTest {

  @Test
  void userAndPasswordAreUrlDecoded() {
    MailboxAddress address =
        MailboxAddress.parse(
            "imaps://bounces%40example.com:p%40ss%3Aw%2Frd+1@mail.example.com:993/Returns");
    assertEquals(
        new MailboxAddress(
            "imaps", "mail.example.com", 993, "bounces@example.com", "p@ss:w/rd+1", "Returns"),
        address);
    assertFalse(address.toString().contains("p@ss"), address.toString());
  }

  @Test
  void theFolderDefaultsToTheInboxAndPop3IsKnown() {
    MailboxAddress pop = MailboxAddress.parse("pop3s://u:p@pop.example.com:995");
    assertEquals("INBOX", pop.folder());
    assertTrue(pop.isPop3());
    assertEquals(-1, MailboxAddress.parse("imap://u:p@h").port());
  }

  @Test
  void otherSchemesAndMissingPartsAreRefusedWithoutQuotingThePassword() {
    IllegalArgumentException wrong =
        assertThrows(
            IllegalArgumentException.class,
            () -> MailboxAddress.parse("smtp://u:secret@h:25/INBOX"));
    assertFalse(wrong.getMessage().contains("secret"));
    assertThrows(IllegalArgumentException.class, () -> MailboxAddress.parse("imap://h:143"));
    assertThrows(IllegalArgumentException.class, () -> MailboxAddress.parse("not a url"));
  }
}
