package app.custodian.mail.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Queues an email in the transaction of the change it tells of, so a rolled-back change sends
 * nothing and a committed one cannot be lost; it goes out right after the commit.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class MailQueuing {

  @PersistenceContext EntityManager em;
  @Inject Event<MailQueued> queued;

  /**
   * @param row a new row of a {@link MailQueue}'s entity
   */
  public void enqueue(Object row) {
    em.persist(row);
    queued.fire(new MailQueued());
  }
}
