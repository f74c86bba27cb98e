package app.custodian.testing;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** A GreenMail IMAP mailbox as the returns mailbox: mail put in it, and its folders counted. */
public final class TestMailbox {

  private TestMailbox() {}

  /** Delivers a raw message (its bytes as written, ISO-8859-1) to the user's INBOX. */
  public static void deliver(GreenMailUser user, String raw) throws Exception {
    user.deliver(
        new MimeMessage(
            Session.getInstance(new Properties()),
            new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1))));
  }

  /** The messages in the folder over IMAP; 0 when it does not exist. */
  public static int count(GreenMail server, String user, String password, String folderName)
      throws Exception {
    Store store = Session.getInstance(new Properties()).getStore("imap");
    store.connect("127.0.0.1", server.getImap().getPort(), user, password);
    try {
      Folder folder = store.getFolder(folderName);
      if (!folder.exists()) {
        return 0;
      }
      folder.open(Folder.READ_ONLY);
      try {
        return folder.getMessageCount();
      } finally {
        folder.close(false);
      }
    } finally {
      store.close();
    }
  }
}
