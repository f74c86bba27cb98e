package app.custodian.platform.boundary.web;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * A JSON document offered as a file, written as the API writes it (default JSON-B). The document is
 * made when the browser fetches the file, so a read that is audited is audited then.
 */
public final class JsonDownload {

  private static final Jsonb JSONB = JsonbBuilder.create();

  private JsonDownload() {}

  /** The value as the API's JSON. */
  public static String json(Object value) {
    return JSONB.toJson(value);
  }

  /** A file of the value, serialized when downloaded. */
  public static StreamedContent of(String fileName, Supplier<?> value) {
    return ofJson(fileName, () -> json(value.get()));
  }

  /** A file of a document already in JSON. */
  public static StreamedContent ofJson(String fileName, Supplier<String> json) {
    return DefaultStreamedContent.builder().name(fileName).contentType("application/json").stream(
            () -> new ByteArrayInputStream(json.get().getBytes(StandardCharsets.UTF_8)))
        .build();
  }
}
