package app.custodian.testing;

import app.custodian.mail.control.MailSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough SMTP to script replies that GreenMail cannot give: a chosen answer to each RCPT (by
 * address) and to the end of DATA, and a server that hangs up after each message.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

  private static final Pattern ADDRESS = Pattern.compile("<([^>]*)>");

  private final ServerSocket server;
  private final UnaryOperator<String> rcptReply;
  private final String dataReply;
  private final boolean hangUpAfterEachMessage;
  public final AtomicInteger connections = new AtomicInteger();
  public final AtomicInteger messages = new AtomicInteger();

  /** Every recipient of every message whose DATA the server accepted, in order. */
  public final List<String> delivered = new CopyOnWriteArrayList<>();

  /** Every RCPT address the server was asked for, accepted or not, in order. */
  public final List<String> asked = new CopyOnWriteArrayList<>();

  /**
   * @param rcptReply the reply line to a RCPT command, given its address
   */
  public ScriptedSmtpServer(
      UnaryOperator<String> rcptReply, String dataReply, boolean hangUpAfterEachMessage)
      throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.rcptReply = rcptReply;
    this.dataReply = dataReply;
    this.hangUpAfterEachMessage = hangUpAfterEachMessage;
    Thread acceptor = new Thread(this::accept, "scripted-smtp");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public ScriptedSmtpServer(String rcptReply, String dataReply, boolean hangUpAfterEachMessage)
      throws IOException {
    this(address -> rcptReply, dataReply, hangUpAfterEachMessage);
  }

  public static ScriptedSmtpServer accepting() throws IOException {
    return new ScriptedSmtpServer("250 2.1.5 OK", "250 2.0.0 queued", false);
  }

  public int port() {
    return server.getLocalPort();
  }

  public MailSettings settings() {
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
        Thread session = new Thread(() -> converse(socket), "scripted-smtp-session");
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
      reply(out, "220 scripted ESMTP");
      List<String> accepted = new ArrayList<>();
      String line;
      while ((line = in.readLine()) != null) {
        String command = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
        switch (command) {
          case "EHLO", "HELO" -> reply(out, "250 scripted");
          case "MAIL", "RSET" -> {
            accepted.clear();
            reply(out, "250 OK");
          }
          case "NOOP" -> reply(out, "250 OK");
          case "RCPT" -> {
            String address = address(line);
            asked.add(address);
            String answer = rcptReply.apply(address);
            if (answer.startsWith("2")) {
              accepted.add(address);
            }
            reply(out, answer);
          }
          case "DATA" -> {
            reply(out, "354 go ahead");
            while (!".".equals(in.readLine())) {
              // the message itself is not looked at
            }
            messages.incrementAndGet();
            if (dataReply.isEmpty()) {
              return; // took the message and hung up without a word: did it go or not?
            }
            if (dataReply.startsWith("2")) {
              delivered.addAll(accepted);
            }
            accepted.clear();
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

  private static String address(String rcptLine) {
    Matcher m = ADDRESS.matcher(rcptLine);
    return m.find() ? m.group(1) : "";
  }

  private static void reply(Writer out, String line) throws IOException {
    out.write(line + "\r\n");
    out.flush();
  }
}
