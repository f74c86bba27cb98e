package app.custodian.platform.boundary;

import app.custodian.platform.boundary.rest.ProblemMapper;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Request bodies read as JSON objects, for endpoints that take a patch or an open shape. Malformed
 * JSON throws {@code JsonException}, which {@link ProblemMapper} answers with a 400.
 */
public final class JsonBodies {

  private JsonBodies() {}

  /** The body as a JSON object; an empty body is malformed. */
  public static JsonObject object(InputStream body) {
    return parse(text(body));
  }

  /** The body as a JSON object, or null when there is none. */
  public static JsonObject optionalObject(InputStream body) {
    String text = text(body);
    return text.isBlank() ? null : parse(text);
  }

  /** A JSON object from its text. */
  public static JsonObject parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  private static String text(InputStream body) {
    if (body == null) {
      return "";
    }
    try {
      return new String(body.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
