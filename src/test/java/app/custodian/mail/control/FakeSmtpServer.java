package app.custodian.mail.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Just enough SMTP to script replies that GreenMail cannot give: a chosen answer to RCPT and to the
 * end of DATA, and a server that hangs up after each message.
 */
final class FakeSmtpServer implements AutoCloseable {

  private final ServerSocket server;
  private final String rcptReply;
  private final String dataReply;
  private final boolean hangUpAfterEachMessage;
  final AtomicInteger connections = new AtomicInteger();
  final AtomicInteger messages = new AtomicInteger();

  FakeSmtpServer(String rcptReply, String dataReply, boolean hangUpAfterEachMessage)
      throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.rcptReply = rcptReply;
    this.dataReply = dataReply;
    this.hangUpAfterEachMessage = hangUpAfterEachMessage;
    Thread acceptor = new Thread(this::accept, "fake-smtp");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static FakeSmtpServer accepting() throws IOException {
    return new FakeSmtpServer("250 2.1.5 OK", "250 2.0.0 queued", false);
  }

  int port() {
    return server.getLocalPort();
  }

  MailSettings settings() {
    return new MailSettings("127.0.0.1", port(), null, null, false, "no-reply@test", null);
  }

  @Override
  public void close() throws IOException {
    server.close();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        connections.incrementAndGet();
        Thread session = new Thread(() -> converse(socket), "fake-smtp-session");
        session.setDaemon(true);
        session.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void converse(Socket socket) {
    try (socket;
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        Writer out =
            new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.ISO_8859_1)) {
      reply(out, "220 fake ESMTP");
      String line;
      while ((line = in.readLine()) != null) {
        String command = line.length() < 4 ? line : line.substring(0, 4).toUpperCase();
        switch (command) {
          case "EHLO", "HELO" -> reply(out, "250 fake");
          case "MAIL", "RSET", "NOOP" -> reply(out, "250 OK");
          case "RCPT" -> reply(out, rcptReply);
          case "DATA" -> {
            reply(out, "354 go ahead");
            while (!".".equals(in.readLine())) {
              // the message itself is not looked at
            }
            messages.incrementAndGet();
            reply(out, dataReply);
            if (hangUpAfterEachMessage) {
              return;
            }
          }
          case "QUIT" -> {
            reply(out, "221 bye");
            return;
          }
          default -> reply(out, "502 not implemented");
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private static void reply(Writer out, String line) throws IOException {
    out.write(line + "\r\n");
    out.flush();
  }
}
