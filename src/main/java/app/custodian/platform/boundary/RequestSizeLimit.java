package app.custodian.platform.boundary;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Rejects request bodies over 1 MiB, whether or not they declare their length. */
@Provider
@PreMatching
public class RequestSizeLimit implements ContainerRequestFilter {

  static final long LIMIT = 1024 * 1024;

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getLength() > LIMIT) {
      throw new PayloadTooLargeException(LIMIT);
    }
    if (request.hasEntity()) {
      request.setEntityStream(new LimitedStream(request.getEntityStream()));
    }
  }

  private static final class LimitedStream extends FilterInputStream {
    private long remaining = LIMIT;

    LimitedStream(InputStream in) {
      super(in);
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
        throw new PayloadTooLargeException(LIMIT);
      }
    }
  }
}
