package app.custodian.platform.control;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a state-changing request under {@code /api} must be: a JSON body or none at all, sent from
 * Custodian's own site. A plain HTML form of another site can send neither JSON nor a body-less
 * POST with a browser's remembered Basic credentials unnoticed, so this closes cross-site request
 * forgery without tokens.
 */
public final class StateChangingRequestRules {

  /** Why a request is refused, with the answer it gets. */
  public enum Refusal {
    CROSS_SITE(403, "Forbidden", "A request that changes data must come from Custodian's own site"),
    NOT_JSON(
        415,
        "Unsupported media type",
        "Send application/json or application/merge-patch+json, or no body and no Content-Type");

    public final int status;
    public final String title;
    public final String detail;

    Refusal(int status, String title, String detail) {
      this.status = status;
      this.title = title;
      this.detail = detail;
    }
  }

  /**
   * The parts of a request that matter here; {@code contentLength} is -1 when not declared, and
   * header values are null when absent. {@code path} is below the context path, e.g. {@code
   * /api/v1/customers}.
   */
  public record Request(
      String method,
      String contentType,
      long contentLength,
      boolean chunked,
      String fetchSite,
      String origin,
      String path) {

    public Request(
        String method,
        String contentType,
        long contentLength,
        boolean chunked,
        String fetchSite,
        String origin) {
      this(method, contentType, contentLength, chunked, fetchSite, origin, "");
    }
  }

  /**
   * The one state-changing request that carries no JSON: a customer import's CSV upload (a body a
   * plain HTML form cannot send either, so it opens no way to forge a request). It is still refused
   * when cross-site.
   */
  public static final String CSV_UPLOAD_PATH = "/api/v1/imports";

  public static final String CSV = "text/csv";

  // Every other method may change something, whatever its name.
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final Set<String> JSON_TYPES =
      Set.of("application/json", "application/merge-patch+json");

  private final Optional<String> ownOrigin;

  public StateChangingRequestRules(BaseUrl base) {
    this.ownOrigin = base.origin();
  }

  public Optional<Refusal> refusal(Request request) {
    if (SAFE_METHODS.contains(request.method().toUpperCase(Locale.ROOT))) {
      return Optional.empty();
    }
    if (crossSite(request)) {
      return Optional.of(Refusal.CROSS_SITE);
    }
    if (!jsonOrNothing(request) && !csvUpload(request)) {
      return Optional.of(Refusal.NOT_JSON);
    }
    return Optional.empty();
  }

  private boolean crossSite(Request request) {
    if (request.fetchSite() != null && request.fetchSite().strip().equalsIgnoreCase("cross-site")) {
      return true;
    }
    if (request.origin() == null) {
      return false; // not from a browser's script or form, or an old browser's same-origin GET
    }
    Optional<String> origin = BaseUrl.originOf(request.origin()); // "null" parses to nothing
    return origin.isEmpty() || !origin.equals(ownOrigin);
  }

  private static boolean csvUpload(Request request) {
    return request.method().equalsIgnoreCase("POST")
        && CSV_UPLOAD_PATH.equals(request.path())
        && CSV.equals(mediaType(request.contentType()));
  }

  private static String mediaType(String contentType) {
    String type = contentType == null ? "" : contentType.strip();
    return type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
  }

  /**
   * Without a Content-Type the body must be absent: no declared length or zero, and not chunked,
   * because a chunked body's length is known only once it has been read.
   */
  private static boolean jsonOrNothing(Request request) {
    String type = request.contentType() == null ? "" : request.contentType().strip();
    if (type.isEmpty()) {
      return request.contentLength() <= 0 && !request.chunked();
    }
    return JSON_TYPES.contains(mediaType(type));
  }
}
