package app.custodian.security.control;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Files of personal data (an uploaded import, an export) encrypted at rest under the PII key, as
 * streams of any length in constant memory: the plaintext is cut into segments of 64 KiB, each
 * sealed by {@link FieldCipher} with its place in the file as associated data and a flag that marks
 * the last one. So a segment moved, dropped, repeated or cut off, or a file truncated after a
 * segment, fails to read instead of reading as something else.
 *
 * <p>Layout: the magic {@code CUSTODIAN-FILE-1}, then per segment its ciphertext length (4 bytes)
 * and the ciphertext of one flag byte (1 for the last segment) followed by the segment's bytes.
 */
public final class EncryptedFiles {

  static final int SEGMENT = 64 * 1024;
  private static final byte[] MAGIC = "CUSTODIAN-FILE-1".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_CIPHERTEXT = SEGMENT + 1 + 300;

  private EncryptedFiles() {}

  /** A stream that encrypts what is written to {@code out}; closing it writes the last segment. */
  public static OutputStream encrypting(FieldCipher cipher, OutputStream out) throws IOException {
    DataOutputStream data = new DataOutputStream(out);
    data.write(MAGIC);
    return new Encrypting(cipher, data);
  }

  /**
   * A stream of the plaintext of what {@link #encrypting} wrote.
   *
   * @throws IOException on reading, when the file is not such a file, was changed or is incomplete
   */
  public static InputStream decrypting(FieldCipher cipher, InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(in);
    byte[] magic = new byte[MAGIC.length];
    try {
      data.readFully(magic);
    } catch (EOFException e) {
      throw new IOException("not an encrypted Custodian file");
    }
    if (!Arrays.equals(magic, MAGIC)) {
      throw new IOException("not an encrypted Custodian file");
    }
    return new Decrypting(cipher, data);
  }

  private static byte[] place(long index) {
    return ByteBuffer.allocate(Long.BYTES).putLong(index).array();
  }

  private static final class Encrypting extends OutputStream {
    private final FieldCipher cipher;
    private final DataOutputStream out;
    private final byte[] buffer = new byte[SEGMENT + 1];
    private int filled = 1; // buffer[0] is the flag
    private long index;
    private boolean closed;

    Encrypting(FieldCipher cipher, DataOutputStream out) {
      this.cipher = cipher;
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      if (filled == buffer.length) {
        seal(false);
      }
      buffer[filled++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      while (length > 0) {
        if (filled == buffer.length) {
          seal(false);
        }
        int n = Math.min(length, buffer.length - filled);
        System.arraycopy(bytes, offset, buffer, filled, n);
        filled += n;
        offset += n;
        length -= n;
      }
    }

    private void seal(boolean last) throws IOException {
      buffer[0] = (byte) (last ? 1 : 0);
      byte[] sealed = cipher.encrypt(Arrays.copyOf(buffer, filled), place(index++));
      out.writeInt(sealed.length);
      out.write(sealed);
      filled = 1;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      try {
        seal(true);
        out.flush();
      } finally {
        out.close();
      }
    }
  }

  private static final class Decrypting extends InputStream {
    private final FieldCipher cipher;
    private final DataInputStream in;
    private byte[] plain = new byte[0];
    private int position = 1;
    private long index;
    private boolean last;

    Decrypting(FieldCipher cipher, DataInputStream in) {
      this.cipher = cipher;
      this.in = in;
    }

    /** Whether bytes are ready, opening the next segment when needed; false at the end. */
    private boolean ready() throws IOException {
      while (position >= plain.length) {
        if (last) {
          return false;
        }
        int length;
        try {
          length = in.readInt();
        } catch (EOFException e) {
          throw new IOException("the encrypted file is incomplete");
        }
        if (length <= 0 || length > MAX_CIPHERTEXT) {
          throw new IOException("the encrypted file is damaged");
        }
        byte[] sealed = new byte[length];
        try {
          in.readFully(sealed);
          plain = cipher.decrypt(sealed, place(index++));
        } catch (EOFException e) {
          throw new IOException("the encrypted file is incomplete");
        } catch (IllegalStateException e) {
          throw new IOException("the encrypted file was changed or is damaged");
        }
        if (plain.length == 0) {
          throw new IOException("the encrypted file is damaged");
        }
        last = plain[0] == 1;
        position = 1;
      }
      return true;
    }

    @Override
    public int read() throws IOException {
      return ready() ? plain[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      if (length == 0) {
        return 0;
      }
      if (!ready()) {
        return -1;
      }
      int n = Math.min(length, plain.length - position);
      System.arraycopy(plain, position, bytes, offset, n);
      position += n;
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
