package app.custodian.bulk.boundary;

import app.custodian.security.control.EncryptedFiles;
import app.custodian.security.control.FieldCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The files of imports and exports under the data directory ({@code imports/}, {@code exports/}),
 * always encrypted under the PII key ({@link EncryptedFiles}): plaintext personal data never
 * touches the disk, and never sits whole in memory.
 */
@ApplicationScoped
public class BulkFiles {

  private static final int BUFFER = 64 * 1024;

  @Inject
  @ConfigProperty(name = "custodian.data.dir", defaultValue = "./data")
  String dataDir;

  @Inject FieldCipher cipher;

  public Path importFile(String importId) {
    return Path.of(dataDir, "imports", importId + ".csv.enc");
  }

  public Path exportFile(String exportId) {
    return Path.of(dataDir, "exports", exportId + ".csv.enc");
  }

  /**
   * Streams the body into the file, encrypted; nothing is left behind when it fails.
   *
   * @return the plaintext bytes received
   */
  public long receive(InputStream body, Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Path partial = partial(file);
    long received = 0;
    try (OutputStream out = create(partial)) {
      byte[] buffer = new byte[BUFFER];
      int n;
      while ((n = body.read(buffer)) > 0) {
        out.write(buffer, 0, n);
        received += n;
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    return received;
  }

  /** A file that appears under its name only once {@code write} has finished. */
  public void write(Path file, FileWork write) throws IOException {
    moveInto(writeBeside(file, write), file);
  }

  /**
   * Writes plaintext into a new file of its own beside {@code file} (two writers of one file never
   * share it), to be put in place with {@link #moveInto}.
   */
  public Path writeBeside(Path file, FileWork write) throws IOException {
    Files.createDirectories(file.getParent());
    Path partial = file.resolveSibling(file.getFileName() + "." + UUID.randomUUID() + ".part");
    try (OutputStream out = create(partial)) {
      write.to(out);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    return partial;
  }

  /** Puts a file written by {@link #writeBeside} in place, at once. */
  public void moveInto(Path written, Path file) throws IOException {
    Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Writes plaintext into a file. */
  @FunctionalInterface
  public interface FileWork {
    void to(OutputStream plaintext) throws IOException;
  }

  /** The plaintext of an encrypted file, as a stream. */
  public InputStream open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
    try {
      return EncryptedFiles.decrypting(cipher, in);
    } catch (IOException e) {
      in.close();
      throw e;
    }
  }

  public boolean exists(Path file) {
    return Files.exists(file);
  }

  public void delete(Path file) {
    try {
      Files.deleteIfExists(file);
      Files.deleteIfExists(partial(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private OutputStream create(Path file) throws IOException {
    return EncryptedFiles.encrypting(
        cipher, new BufferedOutputStream(Files.newOutputStream(file), BUFFER));
  }

  private static Path partial(Path file) {
    return file.resolveSibling(file.getFileName() + ".part");
  }
}
