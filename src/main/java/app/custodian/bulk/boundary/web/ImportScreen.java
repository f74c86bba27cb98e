package app.custodian.bulk.boundary.web;

import app.custodian.bulk.boundary.CustomerImports;
import app.custodian.bulk.boundary.ImportProgress;
import app.custodian.bulk.boundary.ImportView;
import app.custodian.bulk.control.ImportMode;
import app.custodian.bulk.control.ImportTally.RowError;
import app.custodian.platform.control.ProblemException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import java.util.ResourceBundle;

/**
 * Importing customers from a CSV file: a dry run first (every check, the counts and the problems by
 * row, nothing written), then the import itself, its progress followed as it runs. The file is held
 * in memory only while it is streamed, encrypted, into the data directory (the portal takes up to
 * the Faces servlet's multipart limit; larger files go through the API).
 */
@Named
@ViewScoped
public class ImportScreen implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CustomerImports imports;

  private transient Part file;
  private String mode = ImportMode.CREATE.label();
  private String importId;

  public void dryRun() {
    start(true);
  }

  public void importNow() {
    start(false);
  }

  private void start(boolean dryRun) {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (file == null || file.getSize() == 0) {
      message(faces, FacesMessage.SEVERITY_ERROR, "imports.noFile");
      return;
    }
    String username = faces.getExternalContext().getUserPrincipal().getName();
    try (InputStream csv = file.getInputStream()) {
      importId = imports.start(csv, ImportMode.parse(mode).orElseThrow(), dryRun, username).id();
    } catch (IOException | ProblemException e) {
      message(faces, FacesMessage.SEVERITY_ERROR, "imports.failedToStart");
    }
  }

  /** The import started from this screen, as it stands now; null before one starts. */
  public ImportView getCurrent() {
    return importId == null ? null : imports.find(importId).orElse(null);
  }

  public boolean isRunning() {
    ImportView current = getCurrent();
    return current != null && ImportProgress.RUNNING.equals(current.status());
  }

  public List<RowError> getErrors() {
    ImportView current = getCurrent();
    return current == null ? List.of() : current.errors();
  }

  private static void message(FacesContext faces, FacesMessage.Severity severity, String key) {
    ResourceBundle texts = faces.getApplication().getResourceBundle(faces, "msg");
    faces.addMessage(null, new FacesMessage(severity, texts.getString(key), null));
  }

  public Part getFile() {
    return file;
  }

  public void setFile(Part file) {
    this.file = file;
  }

  public String getMode() {
    return mode;
  }

  public void setMode(String mode) {
    this.mode = mode;
  }

  public String getImportId() {
    return importId;
  }
}
