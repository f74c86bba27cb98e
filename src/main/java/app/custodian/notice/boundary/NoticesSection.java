package app.custodian.notice.boundary;

import app.custodian.customer.boundary.CustomerDataSection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The service notices sent to the person, in their export and their correspondence. */
@ApplicationScoped
public class NoticesSection implements CustomerDataSection {

  @Inject NoticeHistory notices;

  @Override
  public String name() {
    return "notices";
  }

  @Override
  public List<NoticeSent> of(String customerId, String locale) {
    return notices.noticesTo(customerId);
  }

  @Override
  public boolean isCorrespondence() {
    return true;
  }
}
