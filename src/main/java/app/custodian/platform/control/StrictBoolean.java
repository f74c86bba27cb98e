package app.custodian.platform.control;

import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;

/**
 * A JSON boolean and nothing else: JSON-B would read {@code "yes"} as false. Put it on a field with
 * {@code @JsonbTypeDeserializer(StrictBoolean.class)}; anything but {@code true}, {@code false} or
 * {@code null} is a 400.
 */
public class StrictBoolean implements JsonbDeserializer<Boolean> {

  @Override
  public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
    JsonValue value = parser.getValue();
    if (value == JsonValue.TRUE || value == JsonValue.FALSE || value == JsonValue.NULL) {
      return value == JsonValue.NULL ? null : value == JsonValue.TRUE;
    }
    throw new JsonbException("Expected true or false");
  }
}
