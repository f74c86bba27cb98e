package app.custodian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.testing.Api;
import app.custodian.testing.Api.Reply;
import app.custodian.testing.CustodianProcess;
import app.custodian.testing.Outbox;
import app.custodian.testing.Postgres;
import app.custodian.testing.Queries;
import app.custodian.testing.Resources;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The packaged application on PostgreSQL, driven over HTTP as a client would. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CustodianOnPostgresIT {

  static final String ADMIN_PASSWORD = "admin-password-for-tests";
  static final String STAFF_PASSWORD = "staff-password-for-tests";
  static final Duration JOB_TIMEOUT = Duration.ofSeconds(60);
  static final long IMPORT_MAX_BYTES = 3 * 1024 * 1024;

  @TempDir static Path dataDir;
  static Postgres postgres;
  static String databaseUrl;
  static CustodianProcess custodian;
  static Api admin;
  static Api operator;

  @BeforeAll
  static void start() {
    postgres = Postgres.start();
    databaseUrl = postgres.createDatabase();
    Map<String, String> env = postgres.custodianSettings(databaseUrl, dataDir, ADMIN_PASSWORD);
    env.put("CUSTODIAN_IMPORT_MAX_BYTES", Long.toString(IMPORT_MAX_BYTES));
    custodian = new CustodianProcess(dataDir, env).start();
    admin = custodian.api("admin", ADMIN_PASSWORD);
    for (String role : List.of("OPERATOR", "MARKETING", "AUDITOR")) {
      admin.newAccount(role.toLowerCase(), STAFF_PASSWORD, role);
    }
    operator = admin.as("operator", STAFF_PASSWORD);
  }

  @AfterAll
  static void stop() throws Exception {
    Resources.closeAll(custodian, postgres);
  }

  static JsonObject createCustomer(String json) {
    Reply reply = operator.post("/api/v1/customers", json);
    assertEquals(201, reply.status(), reply::toString);
    return reply.json();
  }

  static String contract(String reference, String service, String startsOn, String endsOn) {
    return "{\"reference\":\"%s\",\"service\":\"%s\",\"startsOn\":\"%s\",\"endsOn\":\"%s\"}"
        .formatted(reference, service, startsOn, endsOn);
  }

  static String uniqueEmail() {
    return "c-" + UUID.randomUUID() + "@example.vn";
  }

  @Test
  void operationalEndpointsAnswer() {
    Api anonymous = admin.as(null, null);
    Reply ready = anonymous.get("/health/ready");
    assertEquals(200, ready.status(), ready::toString);
    assertTrue(ready.body().contains("\"UP\""));
    assertEquals(200, anonymous.get("/health/live").status());
    for (String path : List.of("/metrics", "/openapi")) {
      Reply refused = anonymous.get(path);
      assertEquals(401, refused.status(), path + " needs a staff login: " + refused);
      assertEquals("Basic realm=\"Custodian\"", refused.header("WWW-Authenticate"), path);
      assertEquals(401, admin.as("nobody-here", "not-the-password").get(path).status(), path);
    }
    Api auditor = admin.as("auditor", STAFF_PASSWORD); // any role will do
    Reply metrics = auditor.get("/metrics");
    assertEquals(200, metrics.status(), metrics::toString);
    assertTrue(metrics.body().contains("# TYPE"), "Prometheus text");
    Reply openapi = auditor.get("/openapi");
    assertEquals(200, openapi.status(), openapi::toString);
    assertTrue(openapi.body().contains("/api/v1/customers"), "the API is described");
  }

  @Test
  void browsersAreNeverChallengedForBasicCredentials() {
    String browserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    for (String path : List.of("/api/v1/customers", "/metrics", "/openapi")) {
      Reply page = send(HttpRequest.newBuilder(uri(path)).header("Accept", browserAccept).GET());
      assertEquals(401, page.status(), path);
      assertNull(page.header("WWW-Authenticate"), path + " would open the browser's Basic dialog");
      Reply wrong =
          send(
              HttpRequest.newBuilder(uri(path))
                  .header("Accept", browserAccept)
                  .header("Authorization", basic("nobody-here", "not-the-password"))
                  .GET());
      assertEquals(401, wrong.status(), path);
      assertNull(wrong.header("WWW-Authenticate"), path);
      Reply client = send(HttpRequest.newBuilder(uri(path)).header("Accept", "*/*").GET());
      assertEquals(401, client.status(), path);
      assertEquals("Basic realm=\"Custodian\"", client.header("WWW-Authenticate"), path);
    }
  }

  @Test
  void anHttpBaseUrlOnPostgresqlIsWarnedAboutAtStart() {
    assertTrue(
        custodian.log().contains("CUSTODIAN_BASE_URL is not https"), "warned: " + custodian.log());
  }

  /**
   * The attack of issue 17: a form on another site, posted by a browser that had used the API with
   * HTTP Basic, started a real purge. Refused before authentication, nothing starts and no sign-in
   * failure is counted; a same-site JSON call, or one with no body, still works.
   */
  @Test
  @Order(Integer.MAX_VALUE - 1) // were a purge to start, it must not take other tests' customers
  void aPurgeFromAFormOrAnotherSiteIsRefusedAndChangesNothing() throws Exception {
    String purge = "/api/v1/jobs/retention-purge";
    String adminLogin = basic("admin", ADMIN_PASSWORD);
    String guesser = "guessed-" + UUID.randomUUID().toString().substring(0, 8);
    admin.newAccount(guesser, STAFF_PASSWORD, "AUDITOR");
    List<Long> startedBefore = jobsStarted();

    Reply form =
        send(
            HttpRequest.newBuilder(uri(purge))
                .header("Authorization", adminLogin)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("dryRun=false")));
    assertEquals(415, form.status(), form::toString);
    assertTrue(form.header("Content-Type").startsWith("application/problem+json"), form::toString);
    assertEquals(415, form.json().getInt("status"));
    for (String type :
        List.of("text/plain", "multipart/form-data; boundary=x", "application/xml", "json")) {
      Reply other =
          send(
              HttpRequest.newBuilder(uri(purge))
                  .header("Authorization", adminLogin)
                  .header("Content-Type", type)
                  .POST(BodyPublishers.ofString("{}")));
      assertEquals(415, other.status(), type + ": " + other);
    }
    Reply untyped =
        send(
            HttpRequest.newBuilder(uri(purge))
                .header("Authorization", adminLogin)
                .POST(BodyPublishers.ofString("{}")));
    assertEquals(415, untyped.status(), "a body with no type: " + untyped);
    Reply crossSite =
        send(
            HttpRequest.newBuilder(uri(purge))
                .header("Authorization", adminLogin)
                .header("Content-Type", "application/json")
                .header("Sec-Fetch-Site", "cross-site")
                .POST(BodyPublishers.ofString("{}")));
    assertEquals(403, crossSite.status(), crossSite::toString);
    assertTrue(crossSite.header("Content-Type").startsWith("application/problem+json"));
    for (String origin :
        List.of("https://evil.example", "null", "http://localhost:1", "https://localhost")) {
      Reply foreign =
          send(
              HttpRequest.newBuilder(uri(purge))
                  .header("Authorization", adminLogin)
                  .header("Content-Type", "application/json")
                  .header("Origin", origin)
                  .POST(BodyPublishers.ofString("{}")));
      assertEquals(403, foreign.status(), origin + ": " + foreign);
    }
    Reply deleted =
        send(
            HttpRequest.newBuilder(uri("/api/v1/accounts/" + UUID.randomUUID()))
                .header("Authorization", adminLogin)
                .header("Origin", "https://evil.example")
                .DELETE());
    assertEquals(403, deleted.status(), "every unsafe method: " + deleted);
    Reply wrongPassword =
        send(
            HttpRequest.newBuilder(uri(purge))
                .header("Authorization", basic(guesser, "a-wrong-guess"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("dryRun=false")));
    assertEquals(415, wrongPassword.status(), "refused before the password is checked");
    assertEquals(startedBefore, jobsStarted(), "no refused request started a job");
    try (Connection db = postgres.connect(databaseUrl)) {
      assertEquals(
          List.of("0"),
          Queries.column(db, "select failed_logins from account where username = ?", guesser),
          "a refused request is no sign-in attempt");
    }

    Reply sameSite =
        send(
            HttpRequest.newBuilder(uri(purge + "?dryRun=true"))
                .header("Authorization", adminLogin)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Sec-Fetch-Site", "same-origin")
                .header("Origin", uri("").toString())
                .POST(BodyPublishers.ofString("{}")));
    assertEquals(202, sameSite.status(), sameSite::toString);
    awaitEnd(sameSite);
    Reply noBody =
        send(
            HttpRequest.newBuilder(uri(purge + "?dryRun=true"))
                .header("Authorization", adminLogin)
                .POST(BodyPublishers.noBody()));
    assertEquals(202, noBody.status(), noBody::toString);
    awaitEnd(noBody);
    assertEquals(startedBefore.stream().map(n -> n + 2).toList(), jobsStarted());
  }

  static URI uri(String path) {
    String base = custodian.baseUri().toString();
    return URI.create(path.isEmpty() ? base : base + path);
  }

  static String basic(String username, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static Reply send(HttpRequest.Builder request) {
    return admin.send(request);
  }

  /**
   * Job executions in the batch repository (Payara creates its tables at the first job), and the
   * audit entries of jobs started.
   */
  static List<Long> jobsStarted() throws SQLException {
    try (Connection db = postgres.connect(databaseUrl)) {
      boolean repository =
          !Queries.column(db, "select to_regclass('jbatchexecutioninstancedata')::text")
              .contains(null);
      return List.of(
          repository ? Queries.count(db, "select count(*) from jbatchexecutioninstancedata") : 0,
          Queries.count(db, "select count(*) from audit_entry where action = 'JOB_STARTED'"));
    }
  }

  /**
   * Issue 20 over HTTP: an operator's dry run, then the import, each row by the API's rules and
   * refused by row, field and message without its value; grants with their proof; an upload over
   * the API's 1 MiB but under CUSTODIAN_IMPORT_MAX_BYTES; the administrator's export, downloaded
   * once and audited with its count.
   */
  @Test
  void customersAreImportedWithTheirConsentProofAndExportedOnce() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String an = "an-" + tag + "@example.vn";
    String csv =
        "fullName,email,phone,locale,consent.NEWSLETTER,consentSource,consentCollectedAt\n"
            + "Nguyễn Văn An,"
            + an
            + ",0912 345 678,en,granted,quầy Hà Nội,2026-05-01T09:00:00+07:00\n"
            + "Trần Bình,binh-"
            + tag
            + "@example,12345,vi,,,\n";
    Api marketing = admin.as("marketing", STAFF_PASSWORD);
    assertEquals(403, marketing.postCsv("/api/v1/imports", csv).status());
    Reply badMode = operator.postCsv("/api/v1/imports?mode=overwrite", csv);
    assertEquals(400, badMode.status(), badMode::toString);

    JsonObject dry = awaitImport(operator.postCsv("/api/v1/imports?dryRun=true", csv));
    assertEquals("COMPLETED", dry.getString("status"), dry::toString);
    assertEquals(List.of(1, 0, 0, 1, 1, 0), importCounts(dry));
    assertEquals(0, operator.get("/api/v1/customers?q=" + an).json().getInt("total"));

    JsonObject done = awaitImport(operator.postCsv("/api/v1/imports?mode=upsert", csv));
    assertEquals(List.of(1, 0, 0, 1, 1, 0), importCounts(done));
    assertEquals(2, done.getInt("rows"));
    List<String> errors =
        done.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
            .map(e -> e.getInt("row") + " " + e.getString("field"))
            .toList();
    assertEquals(List.of("3 email", "3 phone"), errors);
    assertFalse(done.toString().contains("binh-"), "never a value: " + done);
    assertFalse(done.toString().contains("12345"), "never a value: " + done);
    JsonObject customer = operator.get("/api/v1/customers?q=" + an).items().getJsonObject(0);
    assertEquals("+84912345678", customer.getString("phone"));
    JsonObject history =
        operator
            .get("/api/v1/customers/" + customer.getString("id") + "/consents")
            .json()
            .getJsonArray("history")
            .getJsonObject(0);
    assertEquals("quầy Hà Nội", history.getString("source"));
    assertEquals("operator", history.getString("actor"));
    assertEquals(Instant.parse("2026-05-01T02:00:00Z"), Instant.parse(history.getString("at")));
    assertTrue(
        history.getString("evidence").startsWith("import " + done.getString("importId")),
        history::toString);

    StringBuilder big = new StringBuilder("fullName,email,address\n");
    String padding = "x".repeat(200);
    for (int i = 0; big.length() < 3 * 1024 * 1024 / 2; i++) {
      big.append("Khách Lớn ").append(i).append(",big-").append(i).append('-').append(tag);
      big.append("@example.vn,").append(padding).append('\n');
    }
    JsonObject large = awaitImport(operator.postCsv("/api/v1/imports?dryRun=true", big.toString()));
    assertEquals("COMPLETED", large.getString("status"), "over the API's 1 MiB: " + large);

    Reply tooLarge =
        send(
            HttpRequest.newBuilder(uri("/api/v1/imports"))
                .header("Authorization", basic("operator", STAFF_PASSWORD))
                .header("Content-Type", "text/csv")
                .POST(
                    BodyPublishers.ofInputStream(
                        () ->
                            new java.io.ByteArrayInputStream(
                                new byte[(int) IMPORT_MAX_BYTES + 1]))));
    assertEquals(413, tooLarge.status(), "a chunked body over the limit: " + tooLarge);
    Reply declared =
        send(
            HttpRequest.newBuilder(uri("/api/v1/imports"))
                .header("Authorization", basic("operator", STAFF_PASSWORD))
                .header("Content-Type", "text/csv")
                .POST(BodyPublishers.ofByteArray(new byte[(int) IMPORT_MAX_BYTES + 1])));
    assertEquals(413, declared.status(), declared::toString);
    try (var files = Files.list(dataDir.resolve("imports"))) {
      assertEquals(List.of(), files.toList(), "no upload is left behind");
    }

    assertEquals(403, operator.post("/api/v1/exports", "").status());
    Reply exportStarted = admin.post("/api/v1/exports", "");
    assertEquals(202, exportStarted.status(), exportStarted::toString);
    String export = "/api/v1/exports/" + exportStarted.json().getString("exportId");
    JsonObject exported = awaitStatus(admin, export, "RUNNING");
    assertEquals("COMPLETED", exported.getString("status"), exported::toString);
    long count = exported.getJsonNumber("count").longValue();
    assertTrue(count >= 1, exported::toString);
    assertEquals(403, operator.get(export + "/file").status());
    Reply file = admin.get(export + "/file");
    assertEquals(200, file.status(), file::toString);
    assertTrue(file.header("Content-Type").startsWith("text/csv"), file::toString);
    assertTrue(file.body().startsWith("fullName,email,phone,fax,"), file.body());
    assertTrue(file.body().contains("Nguyễn Văn An," + an + ",+84912345678,"), "with consents");
    assertTrue(file.body().contains(",granted,"), "with consents");
    assertEquals(410, admin.get(export + "/file").status(), "downloadable once");
    assertEquals("DOWNLOADED", admin.get(export).json().getString("status"));
    try (var files = Files.list(dataDir.resolve("exports"))) {
      assertEquals(List.of(), files.toList(), "deleted once downloaded");
    }
    JsonObject audited =
        admin.get("/api/v1/audit?action=CUSTOMERS_EXPORTED").items().getJsonObject(0);
    assertEquals(
        "export " + exportStarted.json().getString("exportId") + " customers " + count,
        audited.getString("detail"));
  }

  /** The CSV upload is the one non-JSON body: still refused from another site, and as a form. */
  @Test
  void aCrossSiteOrFormImportIsRefusedAndChangesNothing() throws Exception {
    String email = "forged-" + UUID.randomUUID() + "@example.vn";
    String csv = "fullName,email\nGiả Mạo," + email + "\n";
    Reply crossSite =
        send(
            HttpRequest.newBuilder(uri("/api/v1/imports"))
                .header("Authorization", basic("operator", STAFF_PASSWORD))
                .header("Content-Type", "text/csv")
                .header("Sec-Fetch-Site", "cross-site")
                .POST(BodyPublishers.ofString(csv)));
    assertEquals(403, crossSite.status(), crossSite::toString);
    Reply otherOrigin =
        send(
            HttpRequest.newBuilder(uri("/api/v1/imports"))
                .header("Authorization", basic("operator", STAFF_PASSWORD))
                .header("Content-Type", "text/csv")
                .header("Origin", "https://evil.example")
                .POST(BodyPublishers.ofString(csv)));
    assertEquals(403, otherOrigin.status(), otherOrigin::toString);
    Reply form =
        send(
            HttpRequest.newBuilder(uri("/api/v1/imports"))
                .header("Authorization", basic("operator", STAFF_PASSWORD))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("fullName=x&email=" + email)));
    assertEquals(415, form.status(), form::toString);
    try (Connection db = postgres.connect(databaseUrl)) {
      assertEquals(0, Queries.count(db, "select count(*) from customer_import where actor = 'x'"));
      long imports = Queries.count(db, "select count(*) from customer_import");
      Reply csvElsewhere =
          send(
              HttpRequest.newBuilder(uri("/api/v1/customers"))
                  .header("Authorization", basic("operator", STAFF_PASSWORD))
                  .header("Content-Type", "text/csv")
                  .POST(BodyPublishers.ofString(csv)));
      assertEquals(415, csvElsewhere.status(), csvElsewhere::toString);
      assertEquals(imports, Queries.count(db, "select count(*) from customer_import"));
    }
    assertEquals(0, operator.get("/api/v1/customers?q=" + email).json().getInt("total"));
  }

  static JsonObject awaitImport(Reply started) {
    assertEquals(202, started.status(), started::toString);
    return awaitStatus(
        operator, "/api/v1/imports/" + started.json().getString("importId"), "RUNNING");
  }

  static JsonObject awaitStatus(Api api, String path, String running) {
    Instant deadline = Instant.now().plus(JOB_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      JsonObject view = api.get(path).json();
      if (!view.getString("status").equals(running)) {
        return view;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError(path + " did not end in time");
  }

  static List<Integer> importCounts(JsonObject view) {
    return List.of(
        view.getInt("created"),
        view.getInt("updated"),
        view.getInt("unchanged"),
        view.getInt("rejected"),
        view.getInt("consentsRecorded"),
        view.getInt("consentsNotApplied"));
  }

  static void awaitEnd(Reply started) {
    String execution = "/api/v1/jobs/executions/" + started.json().getJsonNumber("executionId");
    Instant deadline = Instant.now().plus(JOB_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      String status = admin.get(execution).json().getString("batchStatus");
      if (!List.of("STARTING", "STARTED", "STOPPING").contains(status)) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("the job did not end in time");
  }

  @Test
  void contractsAreCreatedListedTerminatedAndExported() {
    String id =
        createCustomer("{\"fullName\":\"Lê Hợp Đồng\",\"email\":\"%s\"}".formatted(uniqueEmail()))
            .getString("id");
    String path = "/api/v1/customers/" + id + "/contracts";
    Reply created =
        operator.post(path, contract("HD-2026-7", "Cloud VPS", "2020-01-01", "2099-12-31"));
    assertEquals(201, created.status(), created::toString);
    String contractId = created.json().getString("id");
    assertEquals("ACTIVE", created.json().getString("status"));
    assertTrue(created.header("Location").endsWith("/api/v1/contracts/" + contractId));

    Reply backwards = operator.post(path, contract("HD-2", "Backup", "2026-02-01", "2026-01-31"));
    assertEquals(400, backwards.status(), backwards::toString);
    assertEquals(
        "endsOn", backwards.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    Reply notADate = operator.post(path, contract("HD-3", "Backup", "1/2/2026", "2026-01-31"));
    assertEquals(400, notADate.status(), notADate::toString);
    Reply twice =
        operator.post(path, contract("HD-2026-7", "Cloud VPS", "2026-01-01", "2026-12-31"));
    assertEquals(409, twice.status(), twice::toString);
    assertEquals(1, operator.get(path).array().size(), "rejected requests add nothing");
    assertEquals(
        404,
        operator
            .post(
                "/api/v1/customers/" + UUID.randomUUID() + "/contracts",
                contract("HD-9", "Backup", "2026-01-01", "2026-12-31"))
            .status());

    Reply terminated =
        operator.post(
            "/api/v1/contracts/" + contractId + "/terminate", "{\"endedOn\":\"2021-06-30\"}");
    assertEquals(200, terminated.status(), terminated::toString);
    assertEquals("ENDED", terminated.json().getString("status"));
    assertEquals("2021-06-30", terminated.json().getString("endedOn"));
    assertEquals(
        409,
        operator
            .post("/api/v1/contracts/" + contractId + "/terminate", "{\"endedOn\":\"2021-07-01\"}")
            .status());
    assertEquals(
        404,
        operator
            .post(
                "/api/v1/contracts/" + UUID.randomUUID() + "/terminate",
                "{\"endedOn\":\"2021-07-01\"}")
            .status());
    assertEquals(403, admin.as("marketing", STAFF_PASSWORD).get(path).status());

    Reply export = operator.get("/api/v1/customers/" + id + "/export");
    assertEquals(
        contractId, export.json().getJsonArray("contracts").getJsonObject(0).getString("id"));
    List<String> actions =
        admin.get("/api/v1/audit?size=500&customerId=" + id).items().stream()
            .map(e -> e.asJsonObject().getString("action"))
            .toList();
    assertTrue(
        actions.containsAll(List.of("CONTRACT_CREATED", "CONTRACTS_READ", "CONTRACT_TERMINATED")),
        actions::toString);
  }

  @Test
  void createsReadsAndFindsACustomer() {
    String email = uniqueEmail();
    Reply created =
        operator.post(
            "/api/v1/customers",
            """
            {"fullName":"Nguyễn Văn An","email":"%s","phone":"0912 345 678",
             "fax":"(028) 3822 1234","organization":"Công ty ABC","jobTitle":"Giám đốc",
             "address":"12 Lý Thường Kiệt, Hà Nội"}"""
                .formatted(email));
    assertEquals(201, created.status(), created::toString);
    String id = created.json().getString("id");
    assertTrue(created.header("Location").endsWith("/api/v1/customers/" + id));

    JsonObject customer = operator.get("/api/v1/customers/" + id).json();
    assertEquals("Nguyễn Văn An", customer.getString("fullName"));
    assertEquals("+84912345678", customer.getString("phone"));
    assertEquals("+842838221234", customer.getString("fax"));
    assertEquals("vi", customer.getString("locale"));
    assertFalse(customer.getBoolean("legalHold"));
    assertNotNull(customer.getJsonObject("consents"));

    assertFound("nguyen van", id);
    assertFound("NGUYỄN", id);
    assertFound(email.toUpperCase(), id);
    assertFound("+84 912 345 678", id);
  }

  private static void assertFound(String query, String id) {
    Reply found = operator.get("/api/v1/customers?size=500&q=" + encode(query));
    assertEquals(200, found.status(), found::toString);
    assertTrue(
        found.items().stream().anyMatch(c -> c.asJsonObject().getString("id").equals(id)),
        () -> query + " should find " + id + ": " + found);
  }

  @Test
  void aTakenEmailIsAConflictNamingTheExistingCustomer() {
    String email = uniqueEmail();
    String id =
        createCustomer("{\"fullName\":\"Trần Thị Bình\",\"email\":\"%s\"}".formatted(email))
            .getString("id");
    Reply duplicate =
        operator.post(
            "/api/v1/customers",
            "{\"fullName\":\"Someone Else\",\"email\":\"%s\"}".formatted(email.toUpperCase()));
    assertEquals(409, duplicate.status(), duplicate::toString);
    assertEquals("application/problem+json", duplicate.header("Content-Type"));
    assertEquals(id, duplicate.json().getString("existingId"));
  }

  @Test
  void invalidInputNamesEachFieldAndChangesNothing() {
    long before = admin.get("/api/v1/audit?action=CUSTOMER_CREATED").json().getInt("total");
    Reply invalid =
        operator.post(
            "/api/v1/customers",
            "{\"fullName\":\" \",\"email\":\"not-an-email\",\"phone\":\"12\",\"locale\":\"fr\"}");
    assertEquals(400, invalid.status());
    assertEquals("application/problem+json", invalid.header("Content-Type"));
    List<String> fields =
        invalid.json().getJsonArray("errors").stream()
            .map(e -> e.asJsonObject().getString("field"))
            .toList();
    assertEquals(List.of("email", "fullName", "locale", "phone"), fields);
    Reply malformed = operator.post("/api/v1/customers", "{\"fullName\":");
    assertEquals(400, malformed.status());
    long after = admin.get("/api/v1/audit?action=CUSTOMER_CREATED").json().getInt("total");
    assertEquals(before, after, "a rejected request creates nothing");
  }

  @Test
  void aBodyOverOneMebibyteIsRefused() {
    String huge = "x".repeat(1_100_000);
    Reply reply =
        operator.post(
            "/api/v1/customers",
            "{\"fullName\":\"%s\",\"email\":\"%s\"}".formatted(huge, uniqueEmail()));
    assertEquals(413, reply.status(), () -> reply.status() + "");
    assertEquals("application/problem+json", reply.header("Content-Type"));
  }

  @Test
  void rectificationReplacesValuesAndIsAudited() {
    String id =
        createCustomer(
                "{\"fullName\":\"Lê Văn Cường\",\"email\":\"%s\",\"fax\":\"024 3825 3536\"}"
                    .formatted(uniqueEmail()))
            .getString("id");
    Reply patched =
        operator.patch(
            "/api/v1/customers/" + id,
            "{\"fullName\":\"Lê Văn Cường Mới\",\"fax\":null,\"phone\":\"0987654321\"}");
    assertEquals(200, patched.status(), patched::toString);
    assertEquals("Lê Văn Cường Mới", patched.json().getString("fullName"));
    assertTrue(patched.json().isNull("fax"));
    assertEquals("+84987654321", patched.json().getString("phone"));
    assertFound("cuong moi", id);

    Reply invalid =
        operator.patch("/api/v1/customers/" + id, "{\"email\":null,\"shoeSize\":\"42\"}");
    assertEquals(400, invalid.status(), invalid::toString);
    assertEquals(
        "Lê Văn Cường Mới", operator.get("/api/v1/customers/" + id).json().getString("fullName"));

    JsonObject audit = admin.get("/api/v1/audit?action=CUSTOMER_RECTIFIED&customerId=" + id).json();
    assertEquals(1, audit.getInt("total"));
    assertEquals("operator", audit.getJsonArray("items").getJsonObject(0).getString("actor"));
  }

  @Test
  void erasureIsCompleteUnlessALegalHoldSaysWhy() {
    String id =
        createCustomer("{\"fullName\":\"Phạm Thị Dung\",\"email\":\"%s\"}".formatted(uniqueEmail()))
            .getString("id");
    assertEquals(
        403,
        operator.put("/api/v1/customers/" + id + "/legal-hold", "{\"reason\":\"x\"}").status());
    assertEquals(
        200,
        admin
            .put("/api/v1/customers/" + id + "/legal-hold", "{\"reason\":\"Court order 17/2026\"}")
            .status());
    Reply refused = operator.delete("/api/v1/customers/" + id);
    assertEquals(409, refused.status());
    assertTrue(refused.json().getString("detail").contains("Court order 17/2026"));
    assertEquals(204, admin.delete("/api/v1/customers/" + id + "/legal-hold").status());
    assertEquals(204, operator.delete("/api/v1/customers/" + id).status());
    assertEquals(404, operator.get("/api/v1/customers/" + id).status());
    assertEquals(404, operator.get("/api/v1/customers/" + id + "/export").status());
    assertEquals(
        1,
        admin.get("/api/v1/audit?action=CUSTOMER_ERASED&customerId=" + id).json().getInt("total"));
  }

  /**
   * With no SMTP relay, each customer's messages sit in their outbox folder: their erasure takes it
   * once the erasure commits; an erasure that fails and rolls back leaves it whole, and nobody
   * else's messages are touched.
   */
  @Test
  void erasureTakesThePersonsOutboxMessagesOnlyOnceItCommits() throws Exception {
    Path outbox = dataDir.resolve("outbox");
    String erased = consentingCustomer();
    String kept = consentingCustomer();
    Path theirs = Outbox.files(outbox.resolve(erased)).get(0);
    Path others = Outbox.files(outbox.resolve(kept)).get(0);
    try (Connection db = postgres.connect(databaseUrl);
        Statement sql = db.createStatement()) {
      sql.execute(
          "create function refuse_tombstone() returns trigger language plpgsql"
              + " as $$ begin raise exception 'the test refuses this tombstone'; end $$");
      sql.execute(
          "create trigger refuse_tombstone before insert on tombstone for each row"
              + " when (new.customer_id = '"
              + erased
              + "') execute function refuse_tombstone()");
      try {
        assertEquals(500, operator.delete("/api/v1/customers/" + erased).status());
      } finally {
        sql.execute("drop trigger refuse_tombstone on tombstone");
        sql.execute("drop function refuse_tombstone()");
      }
    }
    assertTrue(Files.exists(theirs), "a rolled-back erasure leaves the outbox as it was");
    assertEquals(200, operator.get("/api/v1/customers/" + erased).status());

    assertEquals(204, operator.delete("/api/v1/customers/" + erased).status());

    assertFalse(Files.exists(outbox.resolve(erased)), "their messages went with them");
    assertTrue(Files.exists(others), "nobody else's did");
  }

  @Test
  void anErasureRequestsLastEmailLeavesNoCopyInTheOutbox() throws Exception {
    String erased = consentingCustomer();
    Reply created =
        operator.post(
            "/api/v1/privacy-requests",
            "{\"customerId\":\"%s\",\"type\":\"ERASURE\"}".formatted(erased));
    assertEquals(201, created.status(), created::toString);
    String request = "/api/v1/privacy-requests/" + created.json().getString("id");
    Reply verified =
        operator.post(
            request + "/verify",
            "{\"method\":\"OPERATOR_CHECK\",\"evidence\":\"ID card seen at the counter\"}");
    assertEquals(200, verified.status(), verified::toString);

    assertEquals(200, operator.post(request + "/complete", "{}").status());

    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (queuedPrivacyEmails() > 0 || emailsSentTo(erased) < 2) {
      assertTrue(Instant.now().isBefore(deadline), "the acknowledgement and completion are sent");
      Thread.sleep(200);
    }
    assertFalse(
        Files.exists(dataDir.resolve("outbox").resolve(erased)),
        "the confirmation of the erasure went to the person and left no copy");
  }

  private static long queuedPrivacyEmails() throws SQLException {
    try (Connection db = postgres.connect(databaseUrl)) {
      return Queries.count(db, "select count(*) from privacy_notice");
    }
  }

  private static long emailsSentTo(String customerId) {
    return admin
        .get("/api/v1/audit?size=500&action=PRIVACY_EMAIL_SENT&customerId=" + customerId)
        .items()
        .size();
  }

  /** A customer who granted a consent, once its confirmation is in the outbox; answers the id. */
  static String consentingCustomer() throws Exception {
    String id =
        createCustomer("{\"fullName\":\"Võ Thị Sáu\",\"email\":\"%s\"}".formatted(uniqueEmail()))
            .getString("id");
    Reply granted =
        operator.put(
            "/api/v1/customers/" + id + "/consents/SURVEY",
            "{\"granted\":true,\"source\":\"signup-form\"}");
    assertEquals(200, granted.status(), granted::toString);
    Outbox.waitForMessages(dataDir.resolve("outbox").resolve(id), 1);
    return id;
  }

  @Test
  void exportHoldsTheProfile() {
    String email = uniqueEmail();
    String id =
        createCustomer(
                "{\"fullName\":\"Hoàng Minh\",\"email\":\"%s\",\"locale\":\"en\"}".formatted(email))
            .getString("id");
    Reply export = operator.get("/api/v1/customers/" + id + "/export");
    assertEquals(200, export.status());
    JsonObject profile = export.json().getJsonObject("profile");
    assertEquals(email, profile.getString("email"));
    assertEquals("en", profile.getString("locale"));
    assertEquals(
        1,
        admin
            .get("/api/v1/audit?action=CUSTOMER_EXPORTED&customerId=" + id)
            .json()
            .getInt("total"));
  }

  @Test
  void rolesDecideWhoSeesWhat() {
    Api anonymous = admin.as(null, null);
    Reply unauthenticated = anonymous.get("/api/v1/customers");
    assertEquals(401, unauthenticated.status());
    assertTrue(unauthenticated.header("Content-Type").startsWith("application/problem+json"));
    assertTrue(unauthenticated.header("WWW-Authenticate").startsWith("Basic"));
    assertEquals(401, admin.as("operator", "wrong password").get("/api/v1/customers").status());
    Api marketing = admin.as("marketing", STAFF_PASSWORD);
    Api auditor = admin.as("auditor", STAFF_PASSWORD);
    Reply forbidden = marketing.get("/api/v1/customers");
    assertEquals(403, forbidden.status());
    assertEquals("application/problem+json", forbidden.header("Content-Type"));
    assertEquals(403, auditor.get("/api/v1/customers").status());
    assertEquals(403, marketing.get("/api/v1/audit").status());
    assertEquals(403, operator.get("/api/v1/audit").status());
    assertEquals(403, operator.post("/api/v1/accounts", "{}").status());
    assertEquals(200, auditor.get("/api/v1/audit").status());
    assertEquals(200, operator.get("/api/v1/customers").status());
  }

  @Test
  void repeatedFailedLoginsLockTheAccountForAGrowingTime() {
    String body =
        "{\"username\":\"locky\",\"password\":\"%s\",\"roles\":[\"OPERATOR\"]}"
            .formatted(STAFF_PASSWORD);
    assertEquals(201, admin.post("/api/v1/accounts", body).status());
    Api wrong = admin.as("locky", "not the password");
    Api right = admin.as("locky", STAFF_PASSWORD);
    for (int i = 0; i < 3; i++) {
      assertEquals(401, wrong.get("/api/v1/whoami").status());
    }
    assertEquals(401, right.get("/api/v1/whoami").status(), "locked right after the third failure");
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    int status = 0;
    while (Instant.now().isBefore(deadline) && status != 200) {
      status = right.get("/api/v1/whoami").status();
    }
    assertEquals(200, status, "the lock ends");
  }

  @Test
  void everyReadIsAuditedWithIdsOnlyAndConcurrentWritersKeepOneChain() throws Exception {
    String email = uniqueEmail();
    String id =
        createCustomer(
                "{\"fullName\":\"Vũ Thị Em\",\"email\":\"%s\",\"phone\":\"0901234567\"}"
                    .formatted(email))
            .getString("id");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Integer>> reads = new ArrayList<>();
    List<Future<JsonObject>> verifications = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      reads.add(pool.submit(() -> operator.get("/api/v1/customers/" + id).status()));
      if (i % 10 == 5) { // the sealer chains entries while these walk the chain
        verifications.add(pool.submit(() -> admin.get("/api/v1/audit/verify").json()));
      }
    }
    for (Future<Integer> read : reads) {
      assertEquals(200, read.get());
    }
    for (Future<JsonObject> during : verifications) {
      JsonObject result = during.get();
      assertTrue(result.getBoolean("valid"), result::toString);
    }
    pool.shutdown();
    Reply trail = admin.get("/api/v1/audit?action=CUSTOMER_READ&size=500&customerId=" + id);
    assertEquals(80, trail.json().getInt("total"));
    assertFalse(trail.body().contains(email), "audit entries hold ids, not personal data");
    assertFalse(trail.body().contains("Vũ"));
    JsonObject verification = admin.get("/api/v1/audit/verify").json();
    assertTrue(verification.getBoolean("valid"), verification::toString);
    long total = admin.get("/api/v1/audit?size=1").json().getJsonNumber("total").longValue();
    assertEquals(total, verification.getJsonNumber("entries").longValue());
  }

  @Test
  void disclosuresAreLoggedOnTheirLegalBasisAuditedAndExported() {
    String id =
        createCustomer("{\"fullName\":\"Phan Chia Sẻ\",\"email\":\"%s\"}".formatted(uniqueEmail()))
            .getString("id");
    String path = "/api/v1/customers/" + id + "/disclosures";
    String onConsent =
        "{\"recipient\":\"Partner Co\",\"legalBasis\":\"CONSENT\","
            + "\"dataCategories\":[\"fullName\",\"EMAIL\"],\"reference\":\"P-1\"}";

    Reply withoutConsent = operator.post(path, onConsent);
    assertEquals(409, withoutConsent.status(), withoutConsent::toString);
    assertTrue(withoutConsent.json().getString("detail").contains("THIRD_PARTY_SHARING"));
    assertEquals(
        0, operator.get(path).json().getInt("total"), "a refused disclosure is not logged");

    Reply police =
        operator.post(
            path,
            "{\"recipient\":\"Công an TP.HCM\",\"legalBasis\":\"law_enforcement\","
                + "\"dataCategories\":[\"phone\",\"address\"],\"reference\":\"CV-123/2026\"}");
    assertEquals(201, police.status(), police::toString);
    assertEquals("LAW_ENFORCEMENT", police.json().getString("legalBasis"));
    assertEquals(
        List.of("PHONE", "ADDRESS"),
        police.json().getJsonArray("dataCategories").getValuesAs(JsonValue::toString).stream()
            .map(v -> v.replace("\"", ""))
            .toList());
    assertTrue(police.header("Location").endsWith(path + "/" + police.json().getString("id")));

    assertEquals(
        200,
        operator
            .put(
                "/api/v1/customers/" + id + "/consents/THIRD_PARTY_SHARING",
                "{\"granted\":true,\"source\":\"signed form\"}")
            .status());
    Reply shared = operator.post(path, onConsent);
    assertEquals(201, shared.status(), shared::toString);
    assertFalse(shared.json().isNull("consentEventId"), "the grant that allowed it is named");

    for (String bad :
        List.of(
            "{\"recipient\":\"X\",\"legalBasis\":\"GOODWILL\",\"dataCategories\":[\"EMAIL\"]}",
            "{\"recipient\":\"X\",\"legalBasis\":\"CONTRACT\",\"dataCategories\":[]}",
            "{\"recipient\":\"X\",\"legalBasis\":\"CONTRACT\",\"dataCategories\":[\"shoe size\"]}",
            "{\"recipient\":\" \",\"legalBasis\":\"CONTRACT\",\"dataCategories\":[\"EMAIL\"]}",
            "{\"recipient\":\"X\",\"legalBasis\":\"CONTRACT\",\"dataCategories\":[\"EMAIL\"],"
                + "\"disclosedAt\":\"2999-01-01T00:00:00Z\"}",
            "{\"recipient\":\"X\",\"legalBasis\":\"CONTRACT\",\"dataCategories\":\"EMAIL\"}",
            "not json")) {
      Reply rejected = operator.post(path, bad);
      assertEquals(400, rejected.status(), bad + " -> " + rejected);
      assertTrue(rejected.header("Content-Type").startsWith("application/problem+json"));
    }
    assertEquals(
        404,
        operator
            .post(
                "/api/v1/customers/" + UUID.randomUUID() + "/disclosures",
                "{\"recipient\":\"X\",\"legalBasis\":\"CONTRACT\",\"dataCategories\":[\"EMAIL\"]}")
            .status());
    assertEquals(403, admin.as("marketing", STAFF_PASSWORD).get(path).status());

    Reply listed = operator.get(path);
    assertEquals(2, listed.json().getInt("total"), listed::toString);
    JsonObject export = operator.get("/api/v1/customers/" + id + "/export").json();
    assertEquals(2, export.getJsonArray("disclosures").size(), export::toString);
    assertEquals(
        2,
        admin
            .get("/api/v1/audit?action=DISCLOSURE_RECORDED&customerId=" + id)
            .json()
            .getInt("total"));

    Reply records = admin.as("auditor", STAFF_PASSWORD).get("/api/v1/records-of-processing");
    assertEquals(200, records.status(), records::toString);
    assertTrue(
        records.json().getJsonArray("recipients").stream()
            .map(JsonValue::asJsonObject)
            .anyMatch(
                r ->
                    r.getString("recipient").equals("Công an TP.HCM")
                        && r.getString("legalBasis").equals("LAW_ENFORCEMENT")),
        records::toString);
    assertEquals("P90D", records.json().getJsonObject("retention").getString("afterContractEnd"));
    assertEquals(403, operator.get("/api/v1/records-of-processing").status());
  }

  @Test
  @Order(Integer.MAX_VALUE - 2) // purges: after the tests that keep customers with old contracts
  void theRetentionPurgeReportsADryRunThenPurgesWithAReceipt() throws Exception {
    String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String due =
        customerWithContract("Hết" + unique + " Xong" + unique, "2020-01-01", "2020-12-31");
    // a mobile number has 10 digits: a short remainder is padded, not left a digit short
    String phone = "09%08d".formatted(Math.abs(unique.hashCode() % 100_000_000));
    assertEquals(
        200,
        operator.patch("/api/v1/customers/" + due, "{\"phone\":\"%s\"}".formatted(phone)).status());
    String held = customerWithContract("Đỗ Văn Giữ", "2020-01-01", "2020-12-31");
    String running = customerWithContract("Đỗ Văn Chạy", "2020-01-01", "2099-12-31");
    assertEquals(
        200,
        admin
            .put("/api/v1/customers/" + held + "/legal-hold", "{\"reason\":\"Tax audit\"}")
            .status());
    assertEquals(403, operator.post("/api/v1/jobs/retention-purge", "").status());
    Reply unclear = admin.post("/api/v1/jobs/retention-purge?dryRun=maybe", "");
    assertEquals(400, unclear.status(), unclear::toString);
    assertEquals(404, admin.get("/api/v1/jobs/executions/not-a-number").status());

    JsonObject dryRun = admin.runJob("/api/v1/jobs/retention-purge?dryRun=true", JOB_TIMEOUT);
    assertEquals("COMPLETED", dryRun.getString("batchStatus"), dryRun::toString);
    JsonObject preview = dryRun.getJsonObject("report");
    assertTrue(preview.getBoolean("dryRun"));
    Map<String, String> previewRules = rulesById(preview);
    assertEquals("CONTRACT_ENDED", previewRules.get(due), preview::toString);
    assertFalse(previewRules.containsKey(held) || previewRules.containsKey(running));
    assertEquals(
        200, operator.get("/api/v1/customers/" + due).status(), "a dry run deletes nothing");

    List<String> traces = traces(due);
    JsonObject purge = admin.runJob("/api/v1/jobs/retention-purge", JOB_TIMEOUT);
    assertEquals("COMPLETED", purge.getString("batchStatus"), purge::toString);
    JsonObject receipt = purge.getJsonObject("report");
    assertFalse(receipt.getBoolean("dryRun"));
    assertEquals(previewRules, rulesById(receipt), "the run purged whom the dry run named");
    assertEquals(receipt.getInt("count"), purge.getJsonObject("metrics").getInt("written"));
    assertEquals(404, operator.get("/api/v1/customers/" + due).status());
    assertEquals(200, operator.get("/api/v1/customers/" + held).status());
    assertEquals(200, operator.get("/api/v1/customers/" + running).status());
    JsonObject purged =
        admin
            .get("/api/v1/audit?action=CUSTOMER_PURGED&customerId=" + due)
            .items()
            .getJsonObject(0);
    assertEquals("retention-purge", purged.getString("actor"));
    assertTrue(purged.getString("detail").startsWith("rule CONTRACT_ENDED"), purged::toString);
    String dump = DatabaseDump.of(postgres, databaseUrl);
    String emailIndex = traces.get(0);
    assertEquals(1, dump.split(emailIndex, -1).length - 1, "the address stays as a suppression");
    for (String trace : traces.subList(1, traces.size())) {
      assertFalse(dump.contains(trace), "the dump still holds " + trace);
    }
  }

  /**
   * What the database holds of a customer that could identify them: the email blind index first,
   * then the phone and name-word indexes and the ciphertexts, as a dump writes them.
   */
  static List<String> traces(String customerId) throws SQLException {
    List<String> traces = new ArrayList<>();
    try (Connection db = postgres.connect(databaseUrl);
        PreparedStatement customer =
            db.prepareStatement(
                "select email_index, phone_index, encode(full_name, 'hex'), encode(email, 'hex')"
                    + " from customer where id = ?");
        PreparedStatement words =
            db.prepareStatement(
                "select word_index from customer_name_word where customer_id = ?")) {
      customer.setString(1, customerId);
      try (ResultSet row = customer.executeQuery()) {
        assertTrue(row.next());
        for (int column = 1; column <= 4; column++) {
          traces.add(row.getString(column));
        }
      }
      words.setString(1, customerId);
      try (ResultSet rows = words.executeQuery()) {
        while (rows.next()) {
          traces.add(rows.getString(1));
        }
      }
    }
    return traces;
  }

  static String customerWithContract(String name, String startsOn, String endsOn) {
    String id =
        createCustomer("{\"fullName\":\"%s\",\"email\":\"%s\"}".formatted(name, uniqueEmail()))
            .getString("id");
    Reply created =
        operator.post(
            "/api/v1/customers/" + id + "/contracts",
            contract("HD-" + id.substring(0, 8), "Cloud VPS", startsOn, endsOn));
    assertEquals(201, created.status(), created::toString);
    return id;
  }

  static Map<String, String> rulesById(JsonObject report) {
    Map<String, String> rules = new HashMap<>();
    for (JsonValue item : report.getJsonArray("customers")) {
      rules.put(item.asJsonObject().getString("customerId"), item.asJsonObject().getString("rule"));
    }
    return rules;
  }

  @Test
  @Order(Integer.MAX_VALUE - 1)
  void theDatabaseAndTheLogHoldNoPlaintextPersonalData() throws Exception {
    String email = "dump-" + UUID.randomUUID().toString().substring(0, 8) + "@example.vn";
    createCustomer(
        """
        {"fullName":"Đặng Quốc Khánh","email":"%s","phone":"0933 111 222","fax":"0244 555 6666",
         "organization":"Zenith Hosting","jobTitle":"Kỹ sư mạng","address":"99 Nguyễn Huệ, Quận 1"}"""
            .formatted(email));
    String dump = DatabaseDump.of(postgres, databaseUrl);
    List<String> secrets =
        List.of(
            email,
            "Đặng Quốc Khánh",
            "Khánh",
            "khanh",
            "933111222",
            "2445556666",
            "Zenith",
            "Kỹ sư",
            "Nguyễn Huệ");
    for (String secret : secrets) {
      assertFalse(
          dump.toLowerCase().contains(secret.toLowerCase()), "database dump holds " + secret);
      assertFalse(
          custodian.log().toLowerCase().contains(secret.toLowerCase()), "log holds " + secret);
    }
    assertTrue(dump.contains("customer_name_word"), "the dump covers every table");
  }

  @Test
  @Order(Integer.MAX_VALUE - 1) // before the chain is broken for good
  void anAuditEntryCopiedInTheDatabaseIsReportedForgedAndNeverSealed() throws Exception {
    String forgedId = UUID.randomUUID().toString();
    try (Connection db = postgres.connect(databaseUrl)) {
      // The first entry's row, MAC included, under a new id: as old as the first entry, so first
      // in the sealer's order, ahead of the genuine entries written after it.
      update(
          db,
          """
          insert into audit_entry (id, at, actor, action, customer_id, detail, mac)
          select '%s', at, actor, action, customer_id, detail, mac from audit_entry where seq = 1"""
              .formatted(forgedId));
      String later =
          createCustomer("{\"fullName\":\"Sau Giả Mạo\",\"email\":\"%s\"}".formatted(uniqueEmail()))
              .getString("id");
      JsonObject genuine = awaitSealed("CUSTOMER_CREATED", later);

      JsonObject verification = admin.get("/api/v1/audit/verify").json();
      assertFalse(verification.getBoolean("valid"), verification::toString);
      assertEquals(
          List.of(forgedId),
          verification.getJsonArray("forged").getValuesAs(JsonString::getString),
          verification::toString);
      assertTrue(
          verification.getJsonNumber("entries").longValue()
              >= genuine.getJsonNumber("seq").longValue(),
          "the genuine entries written after it are in the chain");
      assertNull(seqOf(db, forgedId), "the forged entry stays out of the chain");
      assertTrue(custodian.log().contains(forgedId), "the sealer warns, naming the entry");

      update(db, "delete from audit_entry where id = '" + forgedId + "'");
      JsonObject cleaned = admin.get("/api/v1/audit/verify").json();
      assertTrue(cleaned.getBoolean("valid"), cleaned::toString);
      assertTrue(cleaned.getJsonArray("forged").isEmpty(), cleaned::toString);
    }
  }

  @Test
  @Order(Integer.MAX_VALUE - 1) // before the chain is broken for good
  void aFloodOfForgedEntriesHoldsUpNoGenuineOne() throws Exception {
    try (Connection db = postgres.connect(databaseUrl)) {
      // More than the sealer takes in one batch, all older than any genuine entry.
      update(
          db,
          """
          insert into audit_entry (id, at, actor, action, customer_id, detail)
          select gen_random_uuid()::text, timestamp with time zone '2000-01-01 00:00:00Z' + n * interval '1 second',
                 'flood', 'CUSTOMER_READ', null, 'forged ' || n
          from generate_series(1, 2500) n""",
          2500);
      String later =
          createCustomer("{\"fullName\":\"Sau Lũ\",\"email\":\"%s\"}".formatted(uniqueEmail()))
              .getString("id");
      awaitSealed("CUSTOMER_CREATED", later);

      JsonObject verification = admin.get("/api/v1/audit/verify").json();
      assertFalse(verification.getBoolean("valid"));
      assertEquals(2500, verification.getInt("forgedCount"));
      assertEquals(1000, verification.getJsonArray("forged").size(), "the first thousand named");
      assertEquals(
          0,
          Queries.count(
              db, "select count(*) from audit_entry where actor = 'flood' and seq is not null"));

      update(db, "delete from audit_entry where actor = 'flood'", 2500);
      assertTrue(admin.get("/api/v1/audit/verify").json().getBoolean("valid"));
    }
  }

  /** The audit entry of the action on the customer, once the sealer has chained it. */
  private static JsonObject awaitSealed(String action, String customerId) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (true) {
      JsonObject entry =
          admin
              .get("/api/v1/audit?action=" + action + "&customerId=" + customerId)
              .items()
              .getJsonObject(0);
      if (!entry.isNull("seq")) {
        return entry;
      }
      assertTrue(Instant.now().isBefore(deadline), () -> "never sealed: " + entry);
      Thread.sleep(200);
    }
  }

  private static Long seqOf(Connection db, String id) throws SQLException {
    try (PreparedStatement s = db.prepareStatement("select seq from audit_entry where id = ?")) {
      s.setString(1, id);
      try (ResultSet rs = s.executeQuery()) {
        assertTrue(rs.next(), () -> id + " is gone");
        long seq = rs.getLong(1);
        return rs.wasNull() ? null : seq;
      }
    }
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void aChangedOrRemovedAuditEntryBreaksTheChain() throws SQLException {
    assertTrue(admin.get("/api/v1/audit/verify").json().getBoolean("valid"));
    try (Connection db = postgres.connect(databaseUrl)) {
      String original = detailOf(db, 2);
      update(db, "update audit_entry set detail = 'forged' where seq = 2");
      JsonObject changed = admin.get("/api/v1/audit/verify").json();
      assertFalse(changed.getBoolean("valid"));
      assertEquals(2, changed.getInt("firstBrokenSeq"));
      assertEquals(1, changed.getJsonArray("forged").size(), "its MAC no longer holds either");
      try (PreparedStatement restore =
          db.prepareStatement("update audit_entry set detail = ? where seq = 2")) {
        restore.setString(1, original);
        restore.executeUpdate();
      }
      assertTrue(admin.get("/api/v1/audit/verify").json().getBoolean("valid"));
      update(db, "delete from audit_entry where seq = 3");
      assertFalse(admin.get("/api/v1/audit/verify").json().getBoolean("valid"));
    }
  }

  private static String detailOf(Connection db, long seq) throws SQLException {
    try (PreparedStatement s =
        db.prepareStatement("select detail from audit_entry where seq = ?")) {
      s.setLong(1, seq);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  private static void update(Connection db, String sql) throws SQLException {
    update(db, sql, 1);
  }

  private static void update(Connection db, String sql, int rows) throws SQLException {
    try (var s = db.createStatement()) {
      assertEquals(rows, s.executeUpdate(sql));
    }
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }
}
