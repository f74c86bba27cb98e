package app.custodian.platform.boundary.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.context.ResponseWriterWrapper;
import java.io.IOException;
import org.primefaces.component.messages.Messages;
import org.primefaces.component.messages.MessagesRenderer;

/**
 * PrimeFaces' {@code p:messages} without {@code role="alert"} on each {@code <li>}: a list may hold
 * only list items (WCAG 1.3.1, axe-core's "list" rule). The messages' container is a polite live
 * region already, so each message is still read out when it appears. Declared in faces-config.xml.
 */
public class MessagesWithoutAlertItems extends MessagesRenderer {

  @Override
  protected void encodeMessage(
      ResponseWriter writer,
      Messages messages,
      FacesMessage message,
      String severity,
      boolean escape)
      throws IOException {
    super.encodeMessage(new WithoutRoles(writer), messages, message, severity, escape);
  }

  /** Writes everything but a {@code role} attribute. */
  private static final class WithoutRoles extends ResponseWriterWrapper {

    WithoutRoles(ResponseWriter wrapped) {
      super(wrapped);
    }

    @Override
    public void writeAttribute(String name, Object value, String property) throws IOException {
      if (!"role".equals(name)) {
        super.writeAttribute(name, value, property);
      }
    }
  }
}
