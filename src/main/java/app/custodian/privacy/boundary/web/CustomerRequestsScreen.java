package app.custodian.privacy.boundary.web;

import app.custodian.customer.boundary.web.CustomerDetailScreen;
import app.custodian.platform.control.Page;
import app.custodian.platform.control.PageRequest;
import app.custodian.privacy.boundary.PrivacyRequestService;
import app.custodian.privacy.boundary.PrivacyRequestView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * A customer's privacy requests on their page, earliest due first, as {@code GET
 * /api/v1/privacy-requests?customerId=} lists them (each row's read audited, as there).
 */
@Named
@ViewScoped
public class CustomerRequestsScreen implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject PrivacyRequestService requests;
  @Inject CustomerDetailScreen detail;

  private Page<PrivacyRequestView> page;

  /** The API's largest page: a person with more requests than that is counted, not listed. */
  public List<PrivacyRequestView> getList() {
    return page().items();
  }

  public long getCount() {
    return page().total();
  }

  private Page<PrivacyRequestView> page() {
    if (page == null) {
      page = requests.find(null, null, detail.getId(), PageRequest.of(0, PageRequest.MAX_SIZE));
    }
    return page;
  }
}
