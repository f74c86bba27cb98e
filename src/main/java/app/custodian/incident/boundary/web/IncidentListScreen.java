package app.custodian.incident.boundary.web;

import app.custodian.customer.entity.DataCategory;
import app.custodian.incident.boundary.IncidentInput;
import app.custodian.incident.boundary.IncidentService;
import app.custodian.incident.boundary.IncidentView;
import app.custodian.incident.control.CategoryLabels;
import app.custodian.platform.boundary.LocalCalendar;
import app.custodian.platform.boundary.web.PortalMessages;
import app.custodian.platform.control.PageRequest;
import app.custodian.security.boundary.web.PortalSession;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** The breach register: the incidents, latest detected first, and the form to record one. */
@Named
@ViewScoped
public class IncidentListScreen implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject IncidentService incidents;
  @Inject PortalMessages messages;
  @Inject PortalSession session;
  @Inject LocalCalendar calendar;

  private List<IncidentView> register = List.of();
  private LocalDateTime detectedAt;
  private String description;
  private List<String> dataCategories = new ArrayList<>();
  private String customerIds;
  private String nature;
  private String likelyConsequences;
  private String measuresTaken;

  @PostConstruct
  void init() {
    register = incidents.list(PageRequest.of(0, PageRequest.MAX_SIZE)).items();
  }

  /** Records the incident and opens it. */
  public void record() throws IOException {
    IncidentInput input = new IncidentInput();
    input.detectedAt = Objects.toString(calendar.instantOf(detectedAt), null);
    input.description = description;
    input.dataCategories = List.copyOf(dataCategories);
    input.customerIds = ids(customerIds);
    input.nature = nature;
    input.likelyConsequences = likelyConsequences;
    input.measuresTaken = measuresTaken;
    if (messages.valid(input)) {
      var recorded = messages.attempt(() -> incidents.record(input));
      if (recorded.isPresent()) {
        var external = FacesContext.getCurrentInstance().getExternalContext();
        external.getFlash().setKeepMessages(true);
        messages.info("incidents.recorded");
        external.redirect(
            external.getRequestContextPath()
                + "/compliance/incident.xhtml?id="
                + recorded.get().id());
      }
    }
  }

  /** The ids as typed: one per line, or separated by commas or spaces. */
  static List<String> ids(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.strip().split("[\\s,;]+")).toList();
  }

  public String categoryLabel(String category) {
    return CategoryLabels.of(DataCategory.valueOf(category), session.getLanguage());
  }

  public List<String> getCategories() {
    return Arrays.stream(DataCategory.values()).map(Enum::name).toList();
  }

  public List<IncidentView> getRegister() {
    return register;
  }

  public LocalDateTime getDetectedAt() {
    return detectedAt;
  }

  public void setDetectedAt(LocalDateTime detectedAt) {
    this.detectedAt = detectedAt;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public List<String> getDataCategories() {
    return dataCategories;
  }

  public void setDataCategories(List<String> dataCategories) {
    this.dataCategories =
        dataCategories == null ? new ArrayList<>() : new ArrayList<>(dataCategories);
  }

  public String getCustomerIds() {
    return customerIds;
  }

  public void setCustomerIds(String customerIds) {
    this.customerIds = customerIds;
  }

  public String getNature() {
    return nature;
  }

  public void setNature(String nature) {
    this.nature = nature;
  }

  public String getLikelyConsequences() {
    return likelyConsequences;
  }

  public void setLikelyConsequences(String likelyConsequences) {
    this.likelyConsequences = likelyConsequences;
  }

  public String getMeasuresTaken() {
    return measuresTaken;
  }

  public void setMeasuresTaken(String measuresTaken) {
    this.measuresTaken = measuresTaken;
  }
}
