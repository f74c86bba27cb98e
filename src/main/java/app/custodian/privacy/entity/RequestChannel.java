package app.custodian.privacy.entity;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How the request reached the company. */
public enum RequestChannel {
  EMAIL,
  WEB,
  PHONE,
  IN_PERSON,
  POST;

  public static Optional<RequestChannel> parse(String text) {
    return RequestType.Enums.parse(RequestChannel.class, text);
  }

  public static String names() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
  }
}
