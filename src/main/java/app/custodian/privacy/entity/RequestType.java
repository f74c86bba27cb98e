package app.custodian.privacy.entity;

import app.custodian.platform.control.Enums;
import java.util.Optional;

/** What the person asks for. */
public enum RequestType {
  ACCESS,
  RECTIFICATION,
  ERASURE,
  WITHDRAW_CONSENT,
  OBJECTION,
  RESTRICTION;

  public static Optional<RequestType> parse(String text) {
    return Enums.parse(RequestType.class, text);
  }

  public static String names() {
    return Enums.names(RequestType.class);
  }
}
