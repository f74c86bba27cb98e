package app.custodian;

import app.custodian.returns.control.WebhookSignature;
import app.custodian.security.control.KeyMaterial;
import app.custodian.testing.Api;
import app.custodian.testing.Api.Reply;
import app.custodian.testing.Queries;
import app.custodian.testing.TestMailbox;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The returns mailbox (GreenMail IMAP) and the webhook, for the ITs: real returned emails from
 * src/test/resources/mail-returns sent back to the VERP address of a message the jar sent.
 */
final class MailReturnsHelpers {

  static final Path SAMPLES = Path.of("src/test/resources/mail-returns");
  static final String MAILBOX_USER = "returns@custodian.test";
  static final String MAILBOX_PASSWORD = "pa:ss/w@rd";
  static final String WEBHOOK_SECRET = "webhook-secret-for-tests";

  private MailReturnsHelpers() {}

  static GreenMail startImap() {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    GreenMail imap = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
    imap.start();
    return imap;
  }

  /** CUSTODIAN_RETURNS_MAILBOX, user and password URL-encoded. */
  static String url(GreenMail imap) {
    return "imap://returns%40custodian.test:pa%3Ass%2Fw%40rd@127.0.0.1:"
        + imap.getImap().getPort()
        + "/INBOX";
  }

  /** The messages with this subject, by their one recipient. */
  static Map<String, MimeMessage> byRecipient(GreenMail smtp, String subject) throws Exception {
    Map<String, MimeMessage> messages = new HashMap<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      if (subject.equals(message.getSubject())) {
        messages.put(((InternetAddress) message.getAllRecipients()[0]).getAddress(), message);
      }
    }
    return messages;
  }

  /** A real sample, as returned to the VERP envelope sender of the message, as a new email. */
  static String sample(String name, MimeMessage sent) throws Exception {
    String text = Files.readString(SAMPLES.resolve(name), StandardCharsets.ISO_8859_1);
    String verp = sent.getHeader("Return-Path", null).replaceAll("[<>\\s]", "");
    text = Pattern.compile("(?mi)^To:.*$").matcher(text).replaceFirst("To: <" + verp + ">");
    Matcher id = Pattern.compile("(?mi)^Message-ID:.*$").matcher(text);
    String newId = "Message-ID: <" + UUID.randomUUID() + "@mx.example.net>";
    return id.find() ? id.replaceFirst(newId) : newId + "\r\n" + text;
  }

  /** What a mail client sends for the mailto: of the message's List-Unsubscribe. */
  static String mailtoUnsubscribe(MimeMessage sent, String from) throws Exception {
    String header = sent.getHeader("List-Unsubscribe", null);
    Matcher mailto = Pattern.compile("<mailto:([^?>]+)\\?subject=([^>]+)>").matcher(header);
    if (!mailto.find()) {
      throw new AssertionError("no mailto: in " + header);
    }
    String subject = URLDecoder.decode(mailto.group(2), StandardCharsets.UTF_8);
    return "From: <"
        + from
        + ">\r\nTo: <"
        + mailto.group(1)
        + ">\r\nSubject: "
        + subject
        + "\r\nMessage-ID: <"
        + UUID.randomUUID()
        + "@mail.example.vn>\r\nDate: Mon, 7 Dec 2026 10:00:00 +0700\r\n\r\n\r\n";
  }

  static void deliver(GreenMailUser user, String raw) throws Exception {
    TestMailbox.deliver(user, raw);
  }

  static int count(GreenMail imap, String folderName) throws Exception {
    return TestMailbox.count(imap, MAILBOX_USER, MAILBOX_PASSWORD, folderName);
  }

  /** The raw text of a message in a folder. */
  static String copyOf(GreenMail imap, String folderName, int index) throws Exception {
    Store store = connect(imap);
    try {
      Folder folder = store.getFolder(folderName);
      folder.open(Folder.READ_ONLY);
      try {
        Message message = folder.getMessages()[index];
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        return raw.toString(StandardCharsets.ISO_8859_1);
      } finally {
        folder.close(false);
      }
    } finally {
      store.close();
    }
  }

  static List<String> suppressions(Connection db, KeyMaterial keys, String email) throws Exception {
    return Queries.column(
        db,
        "select scope || ' ' || reason from suppression where address_index = ? order by scope",
        keys.blindIndex().email(email));
  }

  static String sign(String body) {
    return new WebhookSignature(WEBHOOK_SECRET).sign(body.getBytes(StandardCharsets.UTF_8));
  }

  static Reply webhook(Api anonymous, String body, String signature) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(anonymous.base().resolve("/api/v1/mail-returns"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (signature != null) {
      request.header("X-Custodian-Signature", signature);
    }
    return anonymous.send(request);
  }

  private static Store connect(GreenMail imap) throws Exception {
    Store store = Session.getInstance(new Properties()).getStore("imap");
    store.connect("127.0.0.1", imap.getImap().getPort(), MAILBOX_USER, MAILBOX_PASSWORD);
    return store;
  }
}
