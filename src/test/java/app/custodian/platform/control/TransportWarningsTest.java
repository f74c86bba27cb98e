package app.custodian.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransportWarningsTest {

  static final BaseUrl HTTP = BaseUrl.resolve(Optional.empty(), "8080");
  static final BaseUrl HTTPS = BaseUrl.resolve(Optional.of("https://privacy.example.vn"), "8080");

  @Test
  void anHttpBaseUrlIsWarnedAboutOnPostgresqlOnly() {
    List<String> warnings = TransportWarnings.of(HTTP, true, false, false);
    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).startsWith("CUSTODIAN_BASE_URL is not https"), warnings::toString);
    assertEquals(List.of(), TransportWarnings.of(HTTP, false, false, false), "embedded default");
    assertEquals(List.of(), TransportWarnings.of(HTTPS, true, false, false));
  }

  @Test
  void anSmtpLoginWithoutTlsIsWarnedAbout() {
    List<String> warnings = TransportWarnings.of(HTTPS, true, true, false);
    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).startsWith("CUSTODIAN_SMTP_USER is set"), warnings::toString);
    assertEquals(List.of(), TransportWarnings.of(HTTPS, true, true, true));
    assertEquals(List.of(), TransportWarnings.of(HTTPS, true, false, false), "no login, no secret");
    assertEquals(2, TransportWarnings.of(HTTP, true, true, false).size());
  }
}
