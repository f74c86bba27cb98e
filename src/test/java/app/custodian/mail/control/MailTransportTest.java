package app.custodian.mail.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.testing.ScriptedSmtpServer;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class MailTransportTest {

  @RegisterExtension
  static final GreenMailExtension GREEN_MAIL =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final String ADDRESS = "an.nguyen@example.vn";

  private final MailComposer composer =
      new MailComposer(new Sender("Công ty An Tâm", "12 Lê Lợi, Quận 1", "x@y"));

  private OutboundMail advertising(String to) {
    return composer.compose(
        to,
        "vi",
        new RenderedContent(
            "Ưu đãi cho Nguyễn Văn An", "Chào An,\nƯu đãi mới.", "<p>Chào An, ưu đãi mới.</p>"),
        MailCategory.ADVERTISING,
        MailComposerTest.LINKS);
  }

  private static MailSettings greenMailSettings() {
    return new MailSettings(
        "127.0.0.1",
        GREEN_MAIL.getSmtp().getPort(),
        null,
        null,
        false,
        "Custodian <no-reply@custodian.example>",
        null);
  }

  @Test
  void sendsATwoPartMessageWithItsHeaders() throws Exception {
    String messageId;
    try (MailTransport transport = new MailTransport(greenMailSettings(), 2)) {
      messageId = transport.send(advertising(ADDRESS));
    }

    assertTrue(messageId.matches("<[0-9a-f-]{36}@custodian>"), messageId);
    MimeMessage received = GREEN_MAIL.getReceivedMessages()[0];
    assertEquals("[QC] Ưu đãi cho Nguyễn Văn An", received.getSubject());
    assertEquals(messageId, received.getMessageID());
    assertEquals(
        "no-reply@custodian.example", ((InternetAddress) received.getFrom()[0]).getAddress());
    assertEquals(ADDRESS, ((InternetAddress) received.getAllRecipients()[0]).getAddress());
    assertTrue(received.getSentDate() != null);
    assertUnsubscribeHeaders(received);

    MimeMultipart alternative = (MimeMultipart) received.getContent();
    assertTrue(alternative.getContentType().startsWith("multipart/alternative"));
    assertEquals(2, alternative.getCount());
    assertTrue(alternative.getBodyPart(0).isMimeType("text/plain"));
    String text = (String) alternative.getBodyPart(0).getContent();
    assertTrue(text.contains("Ưu đãi mới."), text);
    assertTrue(text.contains("Đây là thư quảng cáo từ Công ty An Tâm."), text);
    assertTrue(text.contains("bấm vào đây: https://custodian.example/unsubscribe?t=tok-1"), text);
    assertTrue(alternative.getBodyPart(1).isMimeType("text/html"));
    String html = (String) alternative.getBodyPart(1).getContent();
    assertTrue(html.contains("<p>Công ty An Tâm<br>12 Lê Lợi, Quận 1</p>"), html);
  }

  @Test
  void eachMessageMayHaveItsOwnEnvelopeSenderWhileFromStays() throws Exception {
    try (MailTransport transport = new MailTransport(greenMailSettings(), 1)) {
      transport.send(advertising(ADDRESS), "bounces+Tok_1@custodian.example");
      transport.send(advertising(ADDRESS), "bounces+Tok_2@custodian.example");
      transport.send(advertising(ADDRESS));
    }

    MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
    assertEquals(
        List.of(
            "<bounces+Tok_1@custodian.example>",
            "<bounces+Tok_2@custodian.example>",
            "<no-reply@custodian.example>"),
        Arrays.stream(received).map(m -> header(m, "Return-Path")).toList(),
        "SMTP MAIL FROM as GreenMail received it");
    for (MimeMessage message : received) {
      assertEquals(
          "no-reply@custodian.example", ((InternetAddress) message.getFrom()[0]).getAddress());
    }
  }

  @Test
  void sendsTextOnlyWhenThereIsNoHtml() throws Exception {
    OutboundMail notice =
        composer.compose(
            ADDRESS,
            "en",
            new RenderedContent("Your data was exported", "Hello.", null),
            MailCategory.SERVICE,
            null);
    try (MailTransport transport = new MailTransport(greenMailSettings(), 1)) {
      transport.send(notice);
    }

    MimeMessage received = GREEN_MAIL.getReceivedMessages()[0];
    assertTrue(received.isMimeType("text/plain"));
    assertTrue(((String) received.getContent()).contains("Công ty An Tâm"));
    assertEquals(null, received.getHeader("List-Unsubscribe"));
  }

  @Test
  void manyThreadsShareAFewConnections() throws Exception {
    try (MailTransport transport = new MailTransport(greenMailSettings(), 2)) {
      sendConcurrently(transport, 20);
    }

    assertTrue(GREEN_MAIL.waitForIncomingEmail(5_000, 20));
    assertEquals(20, GREEN_MAIL.getReceivedMessages().length);
  }

  @Test
  void reusesConnectionsUpToTheCap() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.accepting();
        MailTransport transport = new MailTransport(server.settings(), 2)) {
      sendConcurrently(transport, 20);

      assertEquals(20, server.messages.get());
      assertTrue(server.connections.get() <= 2, server.connections.get() + " connections");
    }
  }

  @Test
  void reconnectsWhenTheServerHungUp() throws Exception {
    try (ScriptedSmtpServer server = new ScriptedSmtpServer("250 OK", "250 OK", true);
        MailTransport transport = new MailTransport(server.settings(), 1)) {
      for (int i = 0; i < 3; i++) {
        transport.send(advertising(ADDRESS));
      }

      assertEquals(3, server.messages.get());
      assertEquals(3, server.connections.get());
    }
  }

  @Test
  void aRecipientRefusedForGoodIsRejected() throws Exception {
    try (ScriptedSmtpServer server =
            new ScriptedSmtpServer("550 5.1.1 <" + ADDRESS + ">: no such user", "250 OK", false);
        MailTransport transport = new MailTransport(server.settings(), 1)) {
      MailRejectedException rejected =
          assertThrows(MailRejectedException.class, () -> transport.send(advertising(ADDRESS)));

      assertEquals(550, rejected.code());
      assertEquals(ADDRESS, rejected.address());
      assertTrue(rejected.reply().contains("no such user"));
      assertFalse(rejected.getMessage().contains("an.nguyen"), rejected.getMessage());
      assertTrue(rejected.getMessage().contains("550"), rejected.getMessage());
      assertEquals(null, rejected.getCause());

      assertThrows(MailRejectedException.class, () -> transport.send(advertising(ADDRESS)));
      assertEquals(1, server.connections.get(), "a rejection keeps the connection");
    }
  }

  @Test
  void aMessageRefusedForGoodIsRejected() throws Exception {
    try (ScriptedSmtpServer server =
            new ScriptedSmtpServer("250 OK", "554 5.7.1 message refused as spam", false);
        MailTransport transport = new MailTransport(server.settings(), 1)) {
      MailRejectedException rejected =
          assertThrows(MailRejectedException.class, () -> transport.send(advertising(ADDRESS)));

      assertEquals(554, rejected.code());
    }
  }

  @Test
  void aTemporaryRefusalMeansTryLater() throws Exception {
    try (ScriptedSmtpServer server =
            new ScriptedSmtpServer(
                "451 4.7.1 <" + ADDRESS + ">: greylisted, try again later", "250 OK", false);
        MailTransport transport = new MailTransport(server.settings(), 1)) {
      MailUnavailableException unavailable =
          assertThrows(MailUnavailableException.class, () -> transport.send(advertising(ADDRESS)));

      assertFalse(unavailable.getMessage().contains("an.nguyen"), unavailable.getMessage());
      assertTrue(unavailable.getMessage().contains("451"), unavailable.getMessage());
      assertFalse(unavailable.possiblyDelivered(), "a 4xx reply means not taken");
    }
  }

  @Test
  void aConnectionLostAfterTheMessageDataMayHaveDelivered() throws Exception {
    try (ScriptedSmtpServer server = new ScriptedSmtpServer("250 OK", "", false);
        MailTransport transport = new MailTransport(server.settings(), 1)) {
      MailUnavailableException unavailable =
          assertThrows(MailUnavailableException.class, () -> transport.send(advertising(ADDRESS)));

      assertEquals(1, server.messages.get(), "the server had the whole message");
      assertTrue(unavailable.possiblyDelivered(), "sending again could deliver it twice");
    }
  }

  @Test
  void startTlsWhenAskedIsRequiredNeverSkipped() throws Exception {
    try (ScriptedSmtpServer plainOnly = ScriptedSmtpServer.accepting()) {
      MailSettings tls =
          new MailSettings("127.0.0.1", plainOnly.port(), null, null, true, "a@b", null);

      try (MailTransport transport = new MailTransport(tls, 1)) {
        assertThrows(MailUnavailableException.class, () -> transport.send(advertising(ADDRESS)));
      }
      assertEquals(0, plainOnly.messages.get(), "nothing went out in plain text");
    }
  }

  @Test
  void logsInToTheRelayWhenAUserIsSet() throws Exception {
    GREEN_MAIL.setUser("relay@custodian.example", "relay-user", "relay-secret");
    MailSettings relay =
        new MailSettings(
            "127.0.0.1",
            GREEN_MAIL.getSmtp().getPort(),
            "relay-user",
            "relay-secret",
            false,
            "no-reply@custodian.example",
            null);

    try (MailTransport transport = new MailTransport(relay, 1)) {
      transport.send(advertising(ADDRESS));
    }
    assertEquals(1, GREEN_MAIL.getReceivedMessages().length);
  }

  @Test
  void noServerMeansTryLater() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    MailSettings nobody = new MailSettings("127.0.0.1", port, null, null, false, "a@b", null);

    try (MailTransport transport = new MailTransport(nobody, 1)) {
      MailUnavailableException unavailable =
          assertThrows(MailUnavailableException.class, () -> transport.send(advertising(ADDRESS)));

      assertFalse(unavailable.getMessage().contains("an.nguyen"), unavailable.getMessage());
      assertFalse(unavailable.possiblyDelivered(), "nobody could have taken it");
    }
  }

  @Test
  void writesOneCompleteFileToTheOutbox(@TempDir Path temp) throws Exception {
    Path outbox = temp.resolve("outbox");
    MailSettings settings =
        new MailSettings(null, 25, null, null, false, "no-reply@localhost", outbox);

    String messageId;
    try (MailTransport transport = new MailTransport(settings, 4)) {
      messageId = transport.send(advertising(ADDRESS));
    }

    List<Path> files;
    try (Stream<Path> listing = Files.list(outbox)) {
      files = listing.toList();
    }
    assertEquals(1, files.size(), files.toString());
    String name = files.get(0).getFileName().toString();
    assertTrue(name.matches("\\d{8}-\\d{6}-\\d{3}-[0-9a-f-]{36}\\.eml"), name);
    assertTrue(messageId.contains(name.substring(20, 56)), "the file is named by its message");
    try (InputStream in = Files.newInputStream(files.get(0))) {
      MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
      assertEquals("[QC] Ưu đãi cho Nguyễn Văn An", message.getSubject());
      assertEquals(messageId, message.getMessageID());
      assertEquals(ADDRESS, ((InternetAddress) message.getAllRecipients()[0]).getAddress());
      assertUnsubscribeHeaders(message);
    }
  }

  @Test
  void anAddressThatIsNotOneIsRejectedWithoutSending(@TempDir Path temp) throws IOException {
    MailSettings settings = new MailSettings(" ", 25, null, null, false, "a@b", temp);

    try (MailTransport transport = new MailTransport(settings, 1)) {
      MailRejectedException rejected =
          assertThrows(
              MailRejectedException.class, () -> transport.send(advertising("an@@x, b@y")));
      assertEquals(0, rejected.code());
      assertFalse(rejected.getMessage().contains("an@@x"), rejected.getMessage());
    }
    try (Stream<Path> listing = Files.list(temp)) {
      assertEquals(0, listing.count());
    }
  }

  private void sendConcurrently(MailTransport transport, int count) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> sent = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        OutboundMail mail = advertising("customer" + i + "@example.vn");
        sent.add(threads.submit(() -> transport.send(mail)));
      }
      for (Future<String> future : sent) {
        future.get();
      }
    } finally {
      threads.shutdown();
    }
  }

  private static void assertUnsubscribeHeaders(MimeMessage message) throws Exception {
    assertEquals(
        "<https://custodian.example/unsubscribe?t=tok-1>,"
            + " <mailto:no-reply@custodian.example?subject=unsubscribe>",
        message.getHeader("List-Unsubscribe", null));
    assertEquals("List-Unsubscribe=One-Click", message.getHeader("List-Unsubscribe-Post", null));
  }

  private static String header(MimeMessage message, String name) {
    try {
      return message.getHeader(name, null);
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
