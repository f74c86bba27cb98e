package app.custodian.platform.boundary.web;

import app.custodian.platform.control.FieldError;
import app.custodian.platform.control.ProblemException;
import app.custodian.platform.control.Violations;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIForm;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * Messages on the portal's screens, in the signed-in person's language. A rejected action shows the
 * same problem the API would answer with; a field's error appears beside the field whose id is the
 * API's field name.
 */
@RequestScoped
public class PortalMessages {

  @Inject Validator validator;

  /** Does the action; when the boundary refuses it, shows why and answers empty. */
  public <T> Optional<T> attempt(Supplier<T> action) {
    try {
      return Optional.of(action.get());
    } catch (ProblemException problem) {
      show(problem);
    } catch (EJBException e) {
      if (!(e.getCause() instanceof ProblemException problem)) {
        throw e;
      }
      show(problem);
    }
    return Optional.empty();
  }

  public boolean attempt(Runnable action) {
    return attempt(
            () -> {
              action.run();
              return Boolean.TRUE;
            })
        .isPresent();
  }

  /** Checks an API input object's constraints; shows each broken one beside its field. */
  public boolean valid(Object input) {
    return attempt(() -> Violations.check(validator, input));
  }

  /**
   * Shows the problem; the errors of one field become one message beside it, as a field's message
   * shows only the first.
   */
  public void show(ProblemException problem) {
    if (problem.errors().isEmpty()) {
      add(null, FacesMessage.SEVERITY_ERROR, problem.getMessage());
    }
    Map<String, List<String>> byField = new LinkedHashMap<>();
    for (FieldError error : problem.errors()) {
      Optional<String> field = fieldClientId(error.field());
      if (field.isPresent()) {
        byField.computeIfAbsent(field.get(), f -> new ArrayList<>()).add(error.message());
      } else {
        add(null, FacesMessage.SEVERITY_ERROR, error.field() + ": " + error.message());
      }
    }
    byField.forEach(
        (clientId, messages) ->
            add(clientId, FacesMessage.SEVERITY_ERROR, String.join(" · ", messages)));
  }

  public void info(String key, Object... arguments) {
    add(null, FacesMessage.SEVERITY_INFO, text(key, arguments));
  }

  public void error(String key, Object... arguments) {
    add(null, FacesMessage.SEVERITY_ERROR, text(key, arguments));
  }

  /** A text of the portal's bundle ({@code portal/messages}) in the view's language. */
  public String text(String key, Object... arguments) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
    String pattern = bundle.containsKey(key) ? bundle.getString(key) : key;
    return arguments.length == 0 ? pattern : MessageFormat.format(pattern, arguments);
  }

  private static void add(String clientId, FacesMessage.Severity severity, String text) {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.addMessage(clientId, new FacesMessage(severity, text, null));
    if (severity == FacesMessage.SEVERITY_ERROR) {
      faces.validationFailed(); // keeps a dialog open on the failed action
    }
  }

  /** The field in the form just submitted, else anywhere: two forms of a page may share a name. */
  private static Optional<String> fieldClientId(String field) {
    FacesContext faces = FacesContext.getCurrentInstance();
    UIComponent submitted = submittedForm(faces.getViewRoot());
    UIComponent found = submitted == null ? null : find(submitted, field);
    return Optional.ofNullable(found != null ? found : find(faces.getViewRoot(), field))
        .map(c -> c.getClientId(faces));
  }

  private static UIComponent submittedForm(UIComponent parent) {
    for (UIComponent child : parent.getChildren()) {
      UIComponent found =
          child instanceof UIForm form && form.isSubmitted() ? form : submittedForm(child);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static UIComponent find(UIComponent parent, String id) {
    for (UIComponent child : parent.getChildren()) {
      UIComponent found = id.equals(child.getId()) ? child : find(child, id);
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
