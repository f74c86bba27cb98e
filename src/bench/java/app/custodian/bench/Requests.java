package app.custodian.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Complete HTTP/1.1 requests as bytes, built once so the load generator only writes them. */
final class Requests {

  private final String host;
  private final String authorization;

  Requests(URI base, String username, String password) {
    this.host = base.getHost() + ":" + base.getPort();
    this.authorization =
        Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  byte[] get(String path) {
    return (head("GET", path) + "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  byte[] postJson(String path, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    byte[] head =
        (head("POST", path)
                + "Content-Type: application/json\r\nContent-Length: "
                + body.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] request = new byte[head.length + body.length];
    System.arraycopy(head, 0, request, 0, head.length);
    System.arraycopy(body, 0, request, head.length, body.length);
    return request;
  }

  private String head(String method, String path) {
    return method
        + " "
        + path
        + " HTTP/1.1\r\nHost: "
        + host
        + "\r\nAuthorization: Basic "
        + authorization
        + "\r\nAccept: application/json\r\n";
  }
}
