package app.custodian.bulk.boundary.web;

import app.custodian.bulk.boundary.CustomerExports;
import app.custodian.bulk.boundary.ExportRecords;
import app.custodian.bulk.boundary.ExportView;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * The administrator's export of every live customer to CSV, from the customers screen: started,
 * followed, then downloaded once (the file is deleted as it is sent).
 */
@Named
@ViewScoped
public class ExportScreen implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CustomerExports exports;

  private String exportId;

  public void start() {
    exportId = exports.start(username()).id();
  }

  public ExportView getCurrent() {
    return exportId == null ? null : exports.find(exportId).orElse(null);
  }

  public boolean isRunning() {
    ExportView current = getCurrent();
    return current != null && ExportRecords.RUNNING.equals(current.status());
  }

  /** The file, taken (and audited) when the browser fetches it. */
  public StreamedContent getFile() {
    String id = exportId;
    String username = username();
    return DefaultStreamedContent.builder()
        .name("customers-" + id + ".csv")
        .contentType("text/csv; charset=UTF-8")
        .writer(out -> write(exports.download(id, username), out))
        .build();
  }

  private static void write(CustomerExports.Download download, OutputStream out) {
    try {
      download.to(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String username() {
    return FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal().getName();
  }

  public String getExportId() {
    return exportId;
  }
}
