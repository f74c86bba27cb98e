package app.custodian.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal SMTP server on 127.0.0.1 that accepts every message, counts it and throws its content
 * away (GreenMail keeps every message in memory, too heavy for 100,000 and more). It also checks
 * that each recipient of the benchmark's audience ({@code c<number>@bench.example.vn}) got exactly
 * one message since the last {@link #reset()}. One thread per connection.
 */
final class SmtpSink implements AutoCloseable {

  static final String DOMAIN = "bench.example.vn";

  /** What the sink received since the last reset. */
  record Tally(
      long messages,
      long distinctRecipients,
      long duplicates,
      long strangers,
      long bytes,
      int connections,
      long lastMessageNanos) {

    double averageBytes() {
      return messages == 0 ? 0 : (double) bytes / messages;
    }
  }

  private final ServerSocket server;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger connectionNumbers = new AtomicInteger();
  private final BitSet seen = new BitSet();
  private long messages;
  private long duplicates;
  private long strangers;
  private long bytes;
  private int connections;
  private long lastMessageNanos;
  private volatile boolean closed;

  private SmtpSink(ServerSocket server) {
    this.server = server;
  }

  static SmtpSink start() throws IOException {
    SmtpSink sink = new SmtpSink(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    Thread acceptor = new Thread(sink::accept, "smtp-sink-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    return sink;
  }

  /** The address of the benchmark's customer number {@code n}. */
  static String address(int n) {
    return "c" + n + "@" + DOMAIN;
  }

  int port() {
    return server.getLocalPort();
  }

  synchronized Tally tally() {
    return new Tally(
        messages, seen.cardinality(), duplicates, strangers, bytes, connections, lastMessageNanos);
  }

  /** The tally so far; then starts counting from zero. */
  synchronized Tally reset() {
    Tally tally = tally();
    seen.clear();
    messages = duplicates = strangers = bytes = lastMessageNanos = 0;
    connections = 0;
    return tally;
  }

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
    for (Socket socket : open) {
      socket.close();
    }
  }

  private void accept() {
    while (!closed) {
      try {
        Socket socket = server.accept();
        open.add(socket);
        synchronized (this) {
          connections++;
        }
        Thread connection =
            new Thread(() -> serve(socket), "smtp-sink-" + connectionNumbers.incrementAndGet());
        connection.setDaemon(true);
        connection.start();
      } catch (IOException e) {
        if (!closed) {
          System.out.println("  (SMTP sink: accept failed: " + e + ")");
        }
      }
    }
  }

  private synchronized void received(int[] recipients, int count, long size) {
    messages++;
    bytes += size;
    lastMessageNanos = System.nanoTime();
    for (int i = 0; i < count; i++) {
      int n = recipients[i];
      if (n < 0) {
        strangers++;
      } else if (seen.get(n)) {
        duplicates++;
      } else {
        seen.set(n);
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setTcpNoDelay(true);
      Input in = new Input(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      reply(out, "220 sink ESMTP");
      int[] recipients = new int[16];
      int count = 0;
      String line;
      while ((line = in.commandLine()) != null) {
        String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase();
        switch (verb) {
          case "EHLO", "HELO" -> reply(out, "250 sink");
          case "MAIL", "RSET" -> {
            count = 0;
            reply(out, "250 OK");
          }
          case "RCPT" -> {
            if (count == recipients.length) {
              recipients = java.util.Arrays.copyOf(recipients, count * 2);
            }
            recipients[count++] = customerNumber(line);
            reply(out, "250 OK");
          }
          case "DATA" -> {
            reply(out, "354 End data with <CR><LF>.<CR><LF>");
            long size = in.skipData();
            if (size < 0) {
              return;
            }
            received(recipients, count, size);
            count = 0;
            reply(out, "250 OK queued");
          }
          case "NOOP" -> reply(out, "250 OK");
          case "QUIT" -> {
            reply(out, "221 Bye");
            return;
          }
          default -> reply(out, "502 Command not implemented");
        }
      }
    } catch (IOException e) {
      if (!closed) {
        System.out.println("  (SMTP sink: a connection failed: " + e + ")");
      }
    } finally {
      open.remove(socket);
    }
  }

  /** The n of {@code RCPT TO:<cN@bench.example.vn>}, or -1 for any other address. */
  static int customerNumber(String rcpt) {
    int start = rcpt.indexOf("<c");
    int at = rcpt.indexOf('@', start + 2);
    if (start < 0 || at < 0 || !rcpt.startsWith(DOMAIN + ">", at + 1)) {
      return -1;
    }
    try {
      return Integer.parseInt(rcpt, start + 2, at, 10);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void reply(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** A buffered reader of SMTP commands and message data, by bytes. */
  private static final class Input {
    private final InputStream raw;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;

    Input(InputStream raw) {
      this.raw = raw;
    }

    private boolean fill() throws IOException {
      int n = raw.read(buffer, 0, buffer.length);
      if (n < 0) {
        return false;
      }
      position = 0;
      limit = n;
      return true;
    }

    /** One command line without its line end, or null at the end of the stream. */
    String commandLine() throws IOException {
      StringBuilder line = new StringBuilder(64);
      while (true) {
        if (position == limit && !fill()) {
          return null;
        }
        byte b = buffer[position++];
        if (b == '\n') {
          return line.toString();
        }
        if (b != '\r') {
          line.append((char) (b & 0xff));
        }
        if (line.length() > 4096) {
          throw new IOException("command line too long");
        }
      }
    }

    /**
     * Skips message data up to and including the line holding a single dot.
     *
     * @return the size of the data in bytes, or -1 when the stream ended first
     */
    long skipData() throws IOException {
      long size = 0;
      int state = 1; // 0: inside a line, 1: at a line start, 2: "." at a line start, 3: ".\r"
      while (true) {
        if (position == limit && !fill()) {
          return -1;
        }
        byte b = buffer[position++];
        size++;
        if (b == '\n' && state >= 2) {
          return size - (state == 3 ? 3 : 2);
        }
        if (state == 1 && b == '.') {
          state = 2;
        } else if (state == 2 && b == '\r') {
          state = 3;
        } else {
          state = b == '\n' ? 1 : 0;
        }
      }
    }
  }
}
