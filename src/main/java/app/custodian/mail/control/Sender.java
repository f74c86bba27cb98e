package app.custodian.mail.control;

import java.util.Objects;

/** Who sends: the identity every footer names, and the address in {@code From}. */
public record Sender(String companyName, String companyAddress, String fromAddress) {

  public Sender {
    Objects.requireNonNull(companyName, "companyName");
    companyAddress = companyAddress == null ? "" : companyAddress.strip();
  }
}
