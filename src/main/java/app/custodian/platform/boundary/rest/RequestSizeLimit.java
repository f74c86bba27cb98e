package app.custodian.platform.boundary.rest;

import app.custodian.platform.boundary.PayloadTooLargeException;
import app.custodian.platform.control.StateChangingRequestRules;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Rejects request bodies over 1 MiB, whether or not they declare their length; a customer import's
 * CSV upload may be up to {@code CUSTODIAN_IMPORT_MAX_BYTES} (default 1 GiB), and is streamed.
 */
@Provider
@PreMatching
public class RequestSizeLimit implements ContainerRequestFilter {

  static final long LIMIT = 1024 * 1024;

  static final long DEFAULT_IMPORT_LIMIT = 1024L * 1024 * 1024;

  private volatile Long importLimit;

  @Override
  public void filter(ContainerRequestContext request) {
    long limit = csvUpload(request) ? importLimit() : LIMIT;
    if (request.getLength() > limit) {
      throw new PayloadTooLargeException(limit);
    }
    if (request.hasEntity()) {
      request.setEntityStream(new LimitedStream(request.getEntityStream(), limit));
    }
  }

  /** {@code CUSTODIAN_IMPORT_MAX_BYTES}, read once. */
  private long importLimit() {
    Long known = importLimit;
    if (known == null) {
      known =
          ConfigProvider.getConfig()
              .getOptionalValue("custodian.import.max.bytes", Long.class)
              .orElse(DEFAULT_IMPORT_LIMIT);
      importLimit = known;
    }
    return known;
  }

  private static boolean csvUpload(ContainerRequestContext request) {
    String path = "/" + request.getUriInfo().getPath().replaceAll("^/+|/+$", "");
    MediaType type = request.getMediaType();
    return "POST".equals(request.getMethod())
        && ("/api/v1" + path).equals(StateChangingRequestRules.CSV_UPLOAD_PATH)
        && type != null
        && StateChangingRequestRules.CSV.equals(type.getType() + "/" + type.getSubtype());
  }

  private static final class LimitedStream extends FilterInputStream {
    private final long limit;
    private long remaining;

    LimitedStream(InputStream in, long limit) {
      super(in);
      this.limit = limit;
      this.remaining = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        consume(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        consume(n);
      }
      return n;
    }

    private void consume(long n) {
      remaining -= n;
      if (remaining < 0) {
        throw new PayloadTooLargeException(limit);
      }
    }
  }
}
