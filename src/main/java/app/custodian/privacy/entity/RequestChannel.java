package app.custodian.privacy.entity;

import app.custodian.platform.control.Enums;
import java.util.Optional;

/** How the request reached the company. */
public enum RequestChannel {
  EMAIL,
  WEB,
  PHONE,
  IN_PERSON,
  POST;

  public static Optional<RequestChannel> parse(String text) {
    return Enums.parse(RequestChannel.class, text);
  }

  public static String names() {
    return Enums.names(RequestChannel.class);
  }
}
