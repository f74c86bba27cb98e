package app.custodian.notice.boundary;

import app.custodian.notice.entity.NoticeKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** The notice topics there are, by kind. */
@ApplicationScoped
public class NoticeTopics {

  @Inject @Any Instance<NoticeTopic> topics;

  /**
   * @param kind a {@link NoticeKind} name, as job XML gives it
   */
  public NoticeTopic of(String kind) {
    NoticeKind wanted = NoticeKind.valueOf(kind);
    for (NoticeTopic topic : topics) {
      if (topic.kind() == wanted) {
        return topic;
      }
    }
    throw new IllegalStateException("No notice topic for " + kind);
  }
}
