package app.custodian.returns.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.custodian.returns.control.ReturnedMail.Kind;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Messages as the mail-returns job reads them: from an IMAP folder, parts fetched on demand. */
class ReturnClassifierImapTest {

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

  private final ReturnClassifier classifier =
      new ReturnClassifier("automated-bounces", "email.example.com");

  @Test
  void classifiesMessagesReadOverImap() throws Exception {
    GreenMailUser user = MAIL.setUser("returns@example.com", "returns", "secret");
    Session session = Session.getInstance(new Properties());
    for (String file :
        List.of(
            "hard-postfix-user-unknown.eml",
            "complaint-yahoo.eml",
            "soft-qmail-mailbox-full.eml",
            "autoreply-thank-you-precedence-bulk.eml")) {
      try (InputStream in =
          Files.newInputStream(ReturnClassifierSamplesTest.SAMPLES.resolve(file))) {
        user.deliver(new MimeMessage(session, in));
      }
    }

    List<ReturnedMail> returned = new ArrayList<>();
    try (Store store = session.getStore("imap")) {
      store.connect("127.0.0.1", MAIL.getImap().getServerSetup().getPort(), "returns", "secret");
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      Message[] messages = inbox.getMessages();
      for (Message message : messages) {
        returned.add(classifier.classify((MimeMessage) message));
      }

      inbox.close(false);
      MimeMessage afterClose = (MimeMessage) messages[0];
      assertThrows(FolderClosedException.class, () -> classifier.classify(afterClose));
    }

    assertEquals(
        List.of(Kind.HARD_BOUNCE, Kind.COMPLAINT, Kind.SOFT_BOUNCE, Kind.AUTO_REPLY),
        returned.stream().map(ReturnedMail::kind).toList());
    assertEquals(Optional.of("5.1.1"), returned.get(0).statusCode());
    assertEquals(Optional.of("kijitora@example.co.jp"), returned.get(0).recipient());
    assertEquals(Optional.of("4.2.2"), returned.get(2).statusCode());
    assertEquals(Optional.of("2A5E0C38-900D-11DF-8FB7-89D06DF2B1BD"), returned.get(3).verpToken());
  }
}
