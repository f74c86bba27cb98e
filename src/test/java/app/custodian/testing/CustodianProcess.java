package app.custodian.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code target/custodian.jar} started as a user would start it, in a JVM of its own. */
public final class CustodianProcess implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

  private final Path dataDir;
  private final Map<String, String> environment;
  private final Path log;
  private final List<String> jvmOptions = new ArrayList<>();
  private Process process;
  private int port;
  private int fixedPort;

  public CustodianProcess(Path dataDir, Map<String, String> environment) {
    this.dataDir = dataDir;
    this.environment = new HashMap<>(environment);
    this.log = dataDir.resolve("custodian.log");
  }

  /** Extra JVM options, after the defaults, so {@code -Xmx2g} replaces the default heap. */
  public CustodianProcess jvmOptions(String... options) {
    jvmOptions.addAll(List.of(options));
    return this;
  }

  /** Listens on {@code port} rather than on a free port chosen at each start. */
  public CustodianProcess port(int port) {
    this.fixedPort = port;
    return this;
  }

  public static Path jar() {
    return Path.of(System.getProperty("custodian.jar", "target/custodian.jar")).toAbsolutePath();
  }

  public CustodianProcess start() {
    launch();
    Process started = process;
    Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
    try {
      awaitReady();
    } catch (RuntimeException e) {
      kill();
      throw e;
    }
    return this;
  }

  /**
   * Starts the JVM for a start that must fail, and waits for it to end by itself.
   *
   * @return its exit status
   * @throws IllegalStateException when it is still running after the timeout (it is killed)
   */
  public int runUntilExit(Duration timeout) {
    launch();
    try {
      if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
        kill();
        throw new IllegalStateException("Custodian kept running; log:\n" + log());
      }
      int status = process.exitValue();
      process = null;
      return status;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
      throw new IllegalStateException(e);
    }
  }

  private void launch() {
    try {
      Files.createDirectories(dataDir.resolve("tmp"));
      port = fixedPort > 0 ? fixedPort : freePort();
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx512m");
      command.add("-Djava.io.tmpdir=" + dataDir.resolve("tmp"));
      command.addAll(jvmOptions);
      command.addAll(List.of("-jar", jar().toString(), "--port", String.valueOf(port)));
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(dataDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().keySet().removeIf(name -> name.startsWith("CUSTODIAN_"));
      builder.environment().putAll(environment);
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitReady() {
    HttpClient client = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Custodian exited during start; log:\n" + log());
      }
      try {
        var response =
            client.send(
                HttpRequest.newBuilder(baseUri().resolve("/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      pause(Duration.ofMillis(250));
    }
    throw new IllegalStateException("Custodian was not ready in time; log:\n" + log());
  }

  public long pid() {
    return process.pid();
  }

  /** The HTTP port of the running (or last) start. */
  public int port() {
    return port;
  }

  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  public URI baseUri() {
    return URI.create("http://localhost:" + port);
  }

  public Api api(String username, String password) {
    return new Api(baseUri(), username, password);
  }

  public String log() {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the JVM as an operator would (SIGTERM) and waits for it. */
  public void stop() {
    end(false);
  }

  /** Kills the JVM without warning (SIGKILL). */
  public void kill() {
    end(true);
  }

  private void end(boolean forcibly) {
    if (process == null) {
      return;
    }
    if (forcibly) {
      process.destroyForcibly();
    } else {
      process.destroy();
    }
    try {
      if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  @Override
  public void close() {
    stop();
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
