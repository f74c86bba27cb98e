package app.custodian.privacy.entity;

import app.custodian.platform.control.Enums;
import java.util.Optional;

/** Where a request stands. Suspension is a flag on an open request, not a status. */
public enum RequestStatus {
  /** Received; the person's identity is not verified yet. */
  PENDING_VERIFICATION,
  /** Identity verified; waiting to be fulfilled. */
  VERIFIED,
  /** Fulfilled, and the person told. */
  COMPLETED,
  /** Refused with a reason, and the person told. */
  REFUSED;

  public boolean open() {
    return this == PENDING_VERIFICATION || this == VERIFIED;
  }

  public static Optional<RequestStatus> parse(String text) {
    return Enums.parse(RequestStatus.class, text);
  }

  public static String names() {
    return Enums.names(RequestStatus.class);
  }
}
