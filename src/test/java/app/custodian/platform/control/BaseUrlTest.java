package app.custodian.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BaseUrlTest {

  @Test
  void unsetOrBlankIsLocalhostAtTheHttpPort() {
    assertEquals("http://localhost:8080", BaseUrl.resolve(Optional.empty(), "8080").value());
    assertEquals("http://localhost:9000", BaseUrl.resolve(Optional.of("  "), "9000").value());
    assertFalse(BaseUrl.resolve(Optional.empty(), "8080").https());
  }

  @Test
  void theTrailingSlashIsDropped() {
    BaseUrl base = BaseUrl.resolve(Optional.of(" https://privacy.example.vn/custodian/ "), "8080");
    assertEquals("https://privacy.example.vn/custodian", base.value());
    assertTrue(base.https());
    assertTrue(BaseUrl.resolve(Optional.of("HTTPS://x.example"), "8080").https());
    assertFalse(BaseUrl.resolve(Optional.of("http://x.example"), "8080").https());
  }

  @Test
  void theOriginIsSchemeHostAndAnyPortButTheDefault() {
    assertEquals(
        Optional.of("https://privacy.example.vn"),
        BaseUrl.resolve(Optional.of("https://Privacy.Example.VN:443/custodian/"), "8080").origin());
    assertEquals(
        Optional.of("http://localhost:8080"), BaseUrl.resolve(Optional.empty(), "8080").origin());
    assertEquals(Optional.of("http://x.example"), BaseUrl.originOf("http://x.example:80"));
    assertEquals(Optional.of("https://x.example:8443"), BaseUrl.originOf("https://x.example:8443"));
    assertEquals(Optional.empty(), BaseUrl.originOf("null"));
    assertEquals(Optional.empty(), BaseUrl.originOf("x.example"));
  }
}
