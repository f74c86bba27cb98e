package app.custodian.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/** A staff member's HTTP client for the Custodian API. */
public final class Api {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final URI base;
  private final String authorization;

  Api(URI base, String username, String password) {
    this.base = base;
    this.authorization =
        username == null
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public Api as(String username, String password) {
    return new Api(base, username, password);
  }

  /** Creates a staff account with one role (this Api must be an ADMIN's) and logs in as it. */
  public Api newAccount(String username, String password, String role) {
    Reply created =
        post(
            "/api/v1/accounts",
            "{\"username\":\"%s\",\"password\":\"%s\",\"roles\":[\"%s\"]}"
                .formatted(username, password, role));
    if (created.status() != 201) {
      throw new IllegalStateException("Could not create the account: " + created);
    }
    return as(username, password);
  }

  /**
   * Starts a job with a POST that answers 202 {@code {"executionId"}} and polls the execution until
   * it has ended (this Api must be an ADMIN's).
   *
   * @return the ended execution
   */
  public JsonObject runJob(String path, Duration timeout) {
    Reply started = post(path, "");
    if (started.status() != 202) {
      throw new IllegalStateException("The job did not start: " + started);
    }
    String execution = "/api/v1/jobs/executions/" + started.json().getJsonNumber("executionId");
    Instant deadline = Instant.now().plus(timeout);
    JsonObject view;
    do {
      view = get(execution).json();
      if (!Set.of("STARTING", "STARTED", "STOPPING").contains(view.getString("batchStatus"))) {
        return view;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    } while (Instant.now().isBefore(deadline));
    throw new IllegalStateException("The job did not end in time: " + view);
  }

  public Reply get(String path) {
    return send(request(path).GET());
  }

  public Reply delete(String path) {
    return send(request(path).DELETE());
  }

  public Reply post(String path, String json) {
    return send(request(path).header("Content-Type", "application/json").POST(body(json)));
  }

  /** Posts an HTML form; the path may be a whole URL, such as a link from an email. */
  public Reply postForm(String path, String form) {
    return send(
        request(path).header("Content-Type", "application/x-www-form-urlencoded").POST(body(form)));
  }

  /** A customer import's upload: a CSV body, as a script would send it. */
  public Reply postCsv(String path, String csv) {
    return send(request(path).header("Content-Type", "text/csv; charset=UTF-8").POST(body(csv)));
  }

  public Reply put(String path, String json) {
    return send(request(path).header("Content-Type", "application/json").PUT(body(json)));
  }

  public Reply patch(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/merge-patch+json")
            .method("PATCH", body(json)));
  }

  private static HttpRequest.BodyPublisher body(String json) {
    return HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8);
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  public Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public URI base() {
    return base;
  }

  /** An HTTP answer with helpers to read its JSON. */
  public record Reply(HttpResponse<String> response) {
    public int status() {
      return response.statusCode();
    }

    public String body() {
      return response.body();
    }

    public String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    public JsonObject json() {
      return Json.createReader(new StringReader(body())).readObject();
    }

    public JsonArray array() {
      return Json.createReader(new StringReader(body())).readArray();
    }

    public JsonArray items() {
      return json().getJsonArray("items");
    }

    @Override
    public String toString() {
      return status() + " " + body();
    }
  }
}
