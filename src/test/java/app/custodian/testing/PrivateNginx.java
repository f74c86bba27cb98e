package app.custodian.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's nginx ({@code /usr/sbin/nginx}) as a private load balancer on loopback, run by the test
 * as its own process with its own prefix, configured by {@code server-config/nginx.conf} (the
 * documented example) with the test's backends and port. Its access log names the backend that
 * served each request.
 */
public final class PrivateNginx implements AutoCloseable {

  static final Path NGINX = Path.of("/usr/sbin/nginx");
  static final Path EXAMPLE = Path.of("server-config", "nginx.conf");
  private static final Pattern UPSTREAM_SERVER =
      Pattern.compile("(?m)^(\\s*)server\\s+[0-9.]+:\\d+(\\s[^;]*)?;");
  private static final Pattern LISTEN = Pattern.compile("(?m)^(\\s*)listen\\s+\\d+;");

  private final Path prefix;
  private final int port;
  private final Process process;

  private PrivateNginx(Path prefix, int port, Process process) {
    this.prefix = prefix;
    this.port = port;
    this.process = process;
  }

  /** Skips the calling test, naming the package, when this machine has no nginx. */
  public static void assumeInstalled() {
    Assumptions.assumeTrue(
        Files.isExecutable(NGINX),
        "No nginx here: install Debian's package nginx (apt-get install nginx) to run the tests"
            + " of several nodes");
  }

  /** Starts nginx balancing over the given ports of localhost, and waits until it listens. */
  public static PrivateNginx start(Path prefix, List<Integer> backendPorts) {
    assumeInstalled();
    try {
      for (String dir : List.of("logs", "tmp")) {
        Files.createDirectories(prefix.resolve(dir));
      }
      int port = CustodianProcess.freePort();
      Files.writeString(prefix.resolve("custodian.conf"), site(port, backendPorts));
      Files.writeString(prefix.resolve("nginx.conf"), MAIN);
      Process process =
          new ProcessBuilder(
                  NGINX.toString(),
                  "-p",
                  prefix.toAbsolutePath() + "/",
                  "-c",
                  "nginx.conf",
                  "-e",
                  "logs/error.log")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(prefix.resolve("out.log").toFile()))
              .start();
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
      PrivateNginx nginx = new PrivateNginx(prefix, port, process);
      nginx.awaitListening();
      return nginx;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The documented example with this test's backends and port. */
  static String site(int port, List<Integer> backendPorts) throws IOException {
    String example = Files.readString(EXAMPLE);
    Matcher servers = UPSTREAM_SERVER.matcher(example);
    if (!servers.find()) {
      throw new IllegalStateException(EXAMPLE + " has no upstream server line");
    }
    String indent = servers.group(1).replace("\n", "");
    String options = servers.group(2) == null ? "" : servers.group(2);
    String backends =
        backendPorts.stream()
            .map(p -> indent + "server 127.0.0.1:" + p + options + ";")
            .collect(Collectors.joining("\n"));
    String withBackends =
        example.substring(0, servers.start())
            + "\n"
            + backends
            + UPSTREAM_SERVER.matcher(example.substring(servers.end())).replaceAll("");
    Matcher listen = LISTEN.matcher(withBackends);
    if (!listen.find()) {
      throw new IllegalStateException(EXAMPLE + " has no listen line");
    }
    return listen.replaceFirst("$1listen 127.0.0.1:" + port + ";");
  }

  /** What Debian's /etc/nginx/nginx.conf gives the site, with every path inside the prefix. */
  private static final String MAIN =
      """
      worker_processes 1;
      daemon off;
      pid nginx.pid;
      error_log logs/error.log warn;
      events { worker_connections 768; }
      http {
        log_format upstream '$request_method $request_uri $status $upstream_addr $upstream_status';
        access_log logs/access.log upstream;
        client_body_temp_path tmp/client_body;
        proxy_temp_path tmp/proxy;
        fastcgi_temp_path tmp/fastcgi;
        uwsgi_temp_path tmp/uwsgi;
        scgi_temp_path tmp/scgi;
        include custodian.conf;
      }
      """;

  private void awaitListening() {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("nginx exited; its log:\n" + log("error.log"));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException e) {
        pause();
      }
    }
    throw new IllegalStateException("nginx did not listen in time; its log:\n" + log("error.log"));
  }

  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** The master process; its worker is its child. */
  public long pid() {
    return process.pid();
  }

  /** The access log, one line per request: method, URI, status, backend(s) and their statuses. */
  public List<String> accessLog() {
    return log("access.log").lines().toList();
  }

  /** The backend port that served the last request whose access-log line contains {@code text}. */
  public Optional<Integer> lastBackendOf(String text) {
    List<String> lines = accessLog();
    for (int i = lines.size() - 1; i >= 0; i--) {
      String[] fields = lines.get(i).split(" ");
      if (lines.get(i).contains(text) && fields.length >= 5) {
        String[] tried = fields[3].split(",");
        String last = tried[tried.length - 1].trim();
        return Optional.of(Integer.parseInt(last.substring(last.lastIndexOf(':') + 1)));
      }
    }
    return Optional.empty();
  }

  public String log(String name) {
    try {
      Path file = prefix.resolve("logs").resolve(name);
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
