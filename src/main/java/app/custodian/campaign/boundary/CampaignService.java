package app.custodian.campaign.boundary;

import app.custodian.audit.boundary.AuditTrail;
import app.custodian.campaign.control.Audience;
import app.custodian.campaign.control.CampaignRules;
import app.custodian.campaign.control.ReturnedMessages;
import app.custodian.campaign.entity.Campaign;
import app.custodian.campaign.entity.CampaignContent;
import app.custodian.delivery.boundary.MessageReturn;
import app.custodian.delivery.boundary.MessageReturns;
import app.custodian.delivery.control.DeliveryTables;
import app.custodian.delivery.entity.DeliveryStatus;
import app.custodian.jobs.boundary.JobRuns;
import app.custodian.platform.boundary.JobDatabase;
import app.custodian.platform.control.DatabaseTime;
import app.custodian.platform.control.Ids;
import app.custodian.platform.control.Page;
import app.custodian.platform.control.PageRequest;
import app.custodian.platform.control.ProblemException;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Campaigns for marketing: no personal data passes through here, only ids and figures. */
@Stateless
public class CampaignService {

  @PersistenceContext EntityManager em;
  @Inject AuditTrail audit;
  @Inject JobRuns jobs;
  @Resource SessionContext session;
  @Inject JobDatabase database;
  @Inject MessageReturns returns;

  @Inject
  @ConfigProperty(name = Audience.CAP_PROPERTY, defaultValue = Audience.DEFAULT_CAP)
  int advertisingCap;

  Clock clock = Clock.systemUTC();

  public CampaignView create(CampaignInput input) {
    Campaign campaign = new Campaign(input.content(), caller(), clock.instant());
    em.persist(campaign);
    audit.record("CAMPAIGN_CREATED", null, "campaign " + campaign.id());
    return view(campaign);
  }

  /** Reading writes nothing: a campaign whose run died shows FAILED ({@link #view}). */
  public CampaignView read(String id) {
    return view(load(id, LockModeType.NONE));
  }

  /**
   * How many customers would get the campaign if it were sent now, as its job decides (consent,
   * suppression, erasure, the advertising cap): a number, never who.
   */
  public long audience(String id) {
    CampaignContent content = load(id, LockModeType.NONE).content();
    try (Connection connection = database.connect()) {
      return Audience.count(connection, id, content, advertisingCap, clock.instant());
    } catch (SQLException e) {
      throw new IllegalStateException("Could not count the audience of campaign " + id, e);
    }
  }

  /** The campaigns, newest first. */
  public Page<CampaignView> list(PageRequest page) {
    List<Campaign> campaigns =
        em.createQuery("select c from Campaign c order by c.createdAt desc, c.id", Campaign.class)
            .setFirstResult(page.offset())
            .setMaxResults(page.size())
            .getResultList();
    long total = em.createQuery("select count(c) from Campaign c", Long.class).getSingleResult();
    return Page.of(campaigns, page, total).map(this::view);
  }

  /**
   * Marks the campaign as being sent before its job starts, so a second request meanwhile is a 409.
   * A campaign saved before a template rule that it breaks is a 409 naming the field.
   */
  public void startSending(String id) {
    Campaign campaign = load(id, LockModeType.PESSIMISTIC_WRITE);
    CampaignRules.checkSendable(campaign.content());
    try {
      campaign.startSending(jobs::willEndByItself);
    } catch (IllegalStateException e) {
      throw ProblemException.conflict(e.getMessage());
    }
    audit.record("CAMPAIGN_SEND_REQUESTED", null, "campaign " + id);
  }

  public void sendingBy(String id, long executionId) {
    load(id, LockModeType.PESSIMISTIC_WRITE).sendingBy(executionId);
  }

  public void couldNotStart(String id) {
    load(id, LockModeType.PESSIMISTIC_WRITE).failed();
  }

  /**
   * Gives up the messages that were in flight when a process died, so the next run sends them: the
   * operator accepts that some of these people may get the message twice.
   *
   * @return how many
   */
  public int releaseUncertain(String id) {
    Campaign campaign = load(id, LockModeType.PESSIMISTIC_WRITE);
    CampaignRules.checkSendable(campaign.content()); // else it would release what it cannot send
    if (campaign.isBeingSent(jobs::willEndByItself)) {
      throw ProblemException.conflict("The campaign is being sent; wait until its run ends");
    }
    int released =
        em.createNativeQuery("delete from delivery where campaign_id = ?1 and status = ?2")
            .setParameter(1, id)
            .setParameter(2, DeliveryStatus.UNCERTAIN.name())
            .executeUpdate();
    audit.record("CAMPAIGN_UNCERTAIN_RELEASED", null, "campaign " + id + ": " + released);
    return released;
  }

  /** The campaign messages to the customer, oldest first; read within the caller's audit. */
  public List<MessageSent> messagesTo(String customerId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select c.id, c.name, c.subject, c.purpose, d.advertising, d.status,"
                    + " d.attempted_at, d.sent_at, d.message_id, d.consent_event_id, d.message_key"
                    + " from delivery d join campaign c on c.id = d.campaign_id"
                    + " where d.customer_id = ?1 order by d.attempted_at, c.id")
            .setParameter(1, customerId)
            .getResultList();
    Map<Long, List<MessageReturn>> returned =
        returns.toCustomer(DeliveryTables.CAMPAIGN_MESSAGES, customerId);
    return rows.stream()
        .map(
            row ->
                new MessageSent(
                    (String) row[0],
                    (String) row[1],
                    (String) row[2],
                    (String) row[3],
                    (Boolean) row[4],
                    (String) row[5],
                    DatabaseTime.instant(row[6]),
                    DatabaseTime.instant(row[7]),
                    (String) row[8],
                    (String) row[9],
                    returned.getOrDefault(((Number) row[10]).longValue(), List.of())))
        .toList();
  }

  private CampaignView view(Campaign campaign) {
    // by status, and how many came back (ReturnedMessages' labels), people deleted since included
    Map<String, Long> counts = new HashMap<>();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select status, count(*) from delivery where campaign_id = ?1 group by status"
                    + " union all select status, sum(messages) from delivery_erased"
                    + " where campaign_id = ?1 group by status union all select label, messages"
                    + " from ("
                    + ReturnedMessages.COUNT_BY_CAMPAIGN.formatted("d.campaign_id = ?1")
                    + ") returned")
            .setParameter(1, campaign.id())
            .getResultList();
    for (Object[] row : rows) {
      counts.merge((String) row[0], ((Number) row[1]).longValue(), Long::sum);
    }
    CampaignStats stats =
        new CampaignStats(
            counts.getOrDefault(DeliveryStatus.SENT.name(), 0L),
            campaign.skippedNoConsent(),
            campaign.skippedSuppressed(),
            counts.getOrDefault(DeliveryStatus.FAILED.name(), 0L),
            counts.getOrDefault(DeliveryStatus.UNCERTAIN.name(), 0L),
            counts.getOrDefault(DeliveryStatus.PENDING.name(), 0L),
            campaign.deferred(),
            counts.getOrDefault(ReturnedMessages.BOUNCED, 0L),
            counts.getOrDefault(ReturnedMessages.COMPLAINED, 0L));
    return CampaignView.of(campaign, campaign.shownStatus(jobs::willEndByItself).name(), stats);
  }

  private Campaign load(String id, LockModeType lock) {
    return Ids.parse(id)
        .map(key -> em.find(Campaign.class, key, lock))
        .orElseThrow(() -> ProblemException.notFound("Campaign " + id));
  }

  private String caller() {
    return session.getCallerPrincipal().getName();
  }
}
