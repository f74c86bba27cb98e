package app.custodian.notice.boundary;

import app.custodian.customer.boundary.Recipient;
import app.custodian.mail.control.RenderedContent;

/** A notice's content, rendered for one person in their language. */
@FunctionalInterface
public interface NoticeText {

  RenderedContent render(Recipient recipient);
}
