package app.custodian.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.custodian.platform.control.StateChangingRequestRules.Refusal;
import app.custodian.platform.control.StateChangingRequestRules.Request;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StateChangingRequestRulesTest {

  final StateChangingRequestRules rules =
      new StateChangingRequestRules(
          BaseUrl.resolve(Optional.of("https://custodian.example/"), "8080"));

  static Request post(String contentType, long length) {
    return new Request("POST", contentType, length, false, null, null);
  }

  static Request from(String fetchSite, String origin) {
    return new Request("POST", "application/json", 2, false, fetchSite, origin);
  }

  Optional<Refusal> judge(Request request) {
    return rules.refusal(request);
  }

  @Test
  void jsonBodiesPassWithOrWithoutParameters() {
    for (String type :
        new String[] {
          "application/json",
          "application/json; charset=UTF-8",
          "Application/JSON;charset=utf-8",
          "application/merge-patch+json"
        }) {
      assertEquals(Optional.empty(), judge(post(type, 10)), type);
    }
  }

  @Test
  void everyOtherBodyIsRefusedAs415() {
    for (String type :
        new String[] {
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x",
          "text/plain",
          "text/plain; charset=application/json",
          "application/jsonp",
          "application/problem+json",
          "json"
        }) {
      assertEquals(Optional.of(Refusal.NOT_JSON), judge(post(type, 10)), type);
    }
  }

  static Request toPath(String path, String contentType, String fetchSite, String origin) {
    return new Request("POST", contentType, 10, false, fetchSite, origin, path);
  }

  @Test
  void onlyTheImportUploadMayCarryCsvAndStillNotFromAnotherSite() {
    assertEquals(Optional.empty(), judge(toPath("/api/v1/imports", "text/csv", null, null)));
    assertEquals(
        Optional.empty(),
        judge(
            toPath(
                "/api/v1/imports",
                "Text/CSV; charset=utf-8",
                "same-origin",
                "https://custodian.example")));
    assertEquals(
        Optional.of(Refusal.CROSS_SITE),
        judge(toPath("/api/v1/imports", "text/csv", "cross-site", null)));
    assertEquals(
        Optional.of(Refusal.CROSS_SITE),
        judge(toPath("/api/v1/imports", "text/csv", null, "https://evil.example")));
    for (String type :
        new String[] {
          "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain"
        }) {
      assertEquals(
          Optional.of(Refusal.NOT_JSON), judge(toPath("/api/v1/imports", type, null, null)), type);
    }
    for (String path :
        new String[] {
          "/api/v1/customers", "/api/v1/imports/x", "/api/v1/imports/", "/api/v1/exports"
        }) {
      assertEquals(
          Optional.of(Refusal.NOT_JSON), judge(toPath(path, "text/csv", null, null)), path);
    }
    assertEquals(
        Optional.of(Refusal.NOT_JSON),
        judge(new Request("PUT", "text/csv", 10, false, null, null, "/api/v1/imports")));
  }

  @Test
  void noContentTypeMeansNoBody() {
    assertEquals(Optional.empty(), judge(post(null, -1)));
    assertEquals(Optional.empty(), judge(post(null, 0)));
    assertEquals(Optional.empty(), judge(post("  ", 0)));
    assertEquals(Optional.of(Refusal.NOT_JSON), judge(post(null, 2)));
    assertEquals(
        Optional.of(Refusal.NOT_JSON),
        judge(new Request("POST", null, -1, true, null, null)),
        "a chunked body's length is not known before it is read");
  }

  @Test
  void everyMethodButTheSafeOnesIsChecked() {
    for (String method : new String[] {"PUT", "PATCH", "DELETE", "delete", "PROPPATCH"}) {
      assertEquals(
          Optional.of(Refusal.NOT_JSON),
          judge(new Request(method, "text/plain", 1, false, null, null)),
          method);
    }
    for (String method : new String[] {"GET", "HEAD", "OPTIONS", "get"}) {
      assertEquals(
          Optional.empty(),
          judge(new Request(method, "text/plain", 1, false, "cross-site", "https://evil.example")),
          method);
    }
  }

  @Test
  void aRequestMarkedCrossSiteIsRefusedAs403() {
    assertEquals(Optional.of(Refusal.CROSS_SITE), judge(from("cross-site", null)));
    assertEquals(Optional.of(Refusal.CROSS_SITE), judge(from("Cross-Site", null)));
    assertEquals(
        Optional.of(Refusal.CROSS_SITE),
        judge(new Request("POST", "text/plain", 1, false, "cross-site", null)),
        "403 before 415: where it comes from is the stronger signal");
    for (String site : new String[] {"same-origin", "same-site", "none"}) {
      assertEquals(Optional.empty(), judge(from(site, null)), site);
    }
  }

  @Test
  void anOriginOtherThanTheBaseUrlsIsRefused() {
    for (String origin :
        new String[] {
          "https://custodian.example", "https://Custodian.Example", "https://custodian.example:443"
        }) {
      assertEquals(Optional.empty(), judge(from(null, origin)), origin);
    }
    for (String origin :
        new String[] {
          "https://evil.example",
          "http://custodian.example",
          "https://custodian.example:8443",
          "https://sub.custodian.example",
          "https://custodian.example.evil.example",
          "null",
          "",
          "not a url"
        }) {
      assertEquals(Optional.of(Refusal.CROSS_SITE), judge(from(null, origin)), origin);
      assertEquals(
          Optional.of(Refusal.CROSS_SITE), judge(from("same-site", origin)), "same-site " + origin);
    }
  }

  @Test
  void withoutABaseUrlTheOriginIsLocalhostAtThePort() {
    var local = new StateChangingRequestRules(BaseUrl.resolve(Optional.empty(), "8080"));
    assertEquals(Optional.empty(), local.refusal(from(null, "http://localhost:8080")));
    assertEquals(
        Optional.of(Refusal.CROSS_SITE), local.refusal(from(null, "http://localhost:8081")));
    assertEquals(Refusal.CROSS_SITE.status, 403);
    assertEquals(Refusal.NOT_JSON.status, 415);
  }
}
