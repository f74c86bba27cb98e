package app.custodian.notice.boundary;

import app.custodian.customer.boundary.Recipient;
import app.custodian.mail.control.MailTemplates;
import app.custodian.mail.control.RenderedContent;
import app.custodian.platform.boundary.Controller;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** A notice's content, rendered for one person in their language. */
@FunctionalInterface
public interface NoticeText {

  RenderedContent render(Recipient recipient);

  /**
   * A notice from the templates {@code mail/<template>/<vi|en>.*}: the notice's own values for the
   * person's language, and what every notice names, the person ({@code fullName}), the company
   * ({@code companyName}) and whom to ask ({@code privacyContact}).
   */
  static NoticeText fromTemplate(
      String template, Controller controller, Function<String, Map<String, Object>> valuesIn) {
    String company = controller.name();
    String contact = controller.privacyContact();
    return recipient -> {
      String locale = "en".equals(recipient.locale()) ? "en" : "vi";
      Map<String, Object> values = new HashMap<>(valuesIn.apply(locale));
      values.put("fullName", recipient.fullName());
      values.put("companyName", company);
      values.put("privacyContact", contact);
      return MailTemplates.load(template, locale).render(values);
    };
  }
}
