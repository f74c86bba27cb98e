package app.custodian.returns.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  static final byte[] BODY =
      "{\"type\":\"bounce\",\"recipient\":\"an@example.vn\"}".getBytes(StandardCharsets.UTF_8);

  final WebhookSignature signature = new WebhookSignature("webhook-secret");

  @Test
  void theHmacSha256OfTheRawBodyInHexVerifies() {
    // openssl dgst -sha256 -hmac webhook-secret over the same bytes
    String header = signature.sign(BODY);
    assertTrue(header.matches("sha256=[0-9a-f]{64}"), header);
    assertTrue(signature.verifies(BODY, header));
    assertTrue(signature.verifies(BODY, header.toUpperCase().replace("SHA256=", "sha256=")));
  }

  @Test
  void aKnownVectorVerifies() {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
    WebhookSignature jefe = new WebhookSignature("Jefe");
    assertEquals(
        "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        jefe.sign("what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void anythingElseIsRefused() {
    String header = signature.sign(BODY);
    byte[] tampered = "{\"type\":\"bounce\",\"recipient\":\"bo@example.vn\"}".getBytes();
    assertFalse(signature.verifies(tampered, header), "another body");
    assertFalse(new WebhookSignature("other-secret").verifies(BODY, header), "another secret");
    assertFalse(signature.verifies(BODY, null), "missing");
    assertFalse(signature.verifies(BODY, ""), "empty");
    assertFalse(signature.verifies(BODY, header.substring("sha256=".length())), "no prefix");
    assertFalse(signature.verifies(BODY, "sha1=" + header.substring(7)), "other algorithm");
    assertFalse(signature.verifies(BODY, header.substring(0, header.length() - 2)), "truncated");
    assertFalse(signature.verifies(BODY, "sha256=zz" + header.substring(9)), "not hex");
    assertFalse(signature.verifies(BODY, "sha256="), "no digest");
  }

  @Test
  void thereIsNoSignatureWithoutASecret() {
    assertThrows(IllegalArgumentException.class, () -> new WebhookSignature(""));
  }
}
