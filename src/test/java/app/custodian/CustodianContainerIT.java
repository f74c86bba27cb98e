package app.custodian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.audit.boundary.AuditTrail;
import app.custodian.audit.boundary.ChainVerification;
import app.custodian.campaign.boundary.CampaignInput;
import app.custodian.campaign.boundary.CampaignService;
import app.custodian.campaign.boundary.NewsletterSendJob;
import app.custodian.consent.boundary.ConsentInput;
import app.custodian.consent.boundary.ConsentService;
import app.custodian.consent.entity.Purpose;
import app.custodian.customer.boundary.CustomerInput;
import app.custodian.customer.boundary.CustomerService;
import app.custodian.customer.boundary.CustomerView;
import app.custodian.jobs.boundary.JobRuns;
import app.custodian.testing.ArquillianPostgres;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collections;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** The packaged WAR on Payara Micro and PostgreSQL, tested from inside the server. */
// In this order: PostgreSQL must be up before Arquillian starts Payara Micro.
@ExtendWith({ArquillianPostgres.class, ArquillianExtension.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CustodianContainerIT {

  @Deployment
  static WebArchive deployment() {
    return ShrinkWrap.create(ZipImporter.class, "custodian.war")
        .importFrom(new File("target/custodian.war"))
        .as(WebArchive.class)
        .addClasses(CustodianContainerIT.class, ArquillianPostgres.class);
  }

  @Inject CustomerService customers;
  @Inject AuditTrail auditTrail;
  @Inject ConsentService consents;
  @Inject CampaignService campaigns;
  @Inject JobRuns jobs;

  @Resource(lookup = "jdbc/custodian")
  DataSource dataSource;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  @Test
  void customerRecordsAreEncryptedAtRest() throws Exception {
    CustomerInput input = new CustomerInput();
    input.fullName = "Nguyễn Thị Minh Khai";
    input.email = "minh.khai@công-ty.vn";
    input.phone = "0912 345 678";
    String id = customers.create(input).id();

    CustomerView read = customers.read(id);
    assertEquals("Nguyễn Thị Minh Khai", read.fullName());
    assertEquals("minh.khai@công-ty.vn", read.email());
    assertEquals("+84912345678", read.phone());

    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement("select full_name, email, email_index from customer where id = ?")) {
      select.setString(1, id);
      try (ResultSet row = select.executeQuery()) {
        assertTrue(row.next());
        assertFalse(contains(row.getBytes("full_name"), input.fullName), "full_name is encrypted");
        assertFalse(contains(row.getBytes("email"), input.email), "email is encrypted");
        assertTrue(row.getString("email_index").matches("[0-9a-f]{32}"), "a blind index");
      }
    }
  }

  @Test
  @Order(Integer.MAX_VALUE) // its emails, audited after commit, must not land in the chain count
  void aCampaignIsSentByPayarasOwnBatchRuntime() throws Exception {
    CustomerInput input = new CustomerInput();
    input.fullName = "Trần Văn Bảo";
    input.email = "bao-" + UUID.randomUUID() + "@example.vn";
    String customerId = customers.create(input).id();
    ConsentInput consent = new ConsentInput();
    consent.granted = true;
    consent.source = "in-container test";
    consents.change(customerId, Purpose.NEWSLETTER, consent);
    CampaignInput draft = new CampaignInput();
    draft.name = "In the container";
    draft.subject = "Tin";
    draft.textBody = "Chào {{fullName}}: {{unsubscribeUrl}}";
    String campaignId = campaigns.create(draft).id();

    campaigns.startSending(campaignId);
    long execution = jobs.start(NewsletterSendJob.NAME, NewsletterSendJob.parameters(campaignId));
    campaigns.sendingBy(campaignId, execution);
    // The campaign turns SENT in the job's last step (tally), a moment before the batch runtime
    // records the execution as COMPLETED: wait for both.
    Instant deadline = Instant.now().plusSeconds(60);
    while (!campaigns.read(campaignId).status().equals("SENT")
        || jobs.find(execution).orElseThrow().batchStatus().equals("STARTED")) {
      assertTrue(Instant.now().isBefore(deadline), "not sent in time");
      Thread.sleep(100);
    }

    assertEquals("COMPLETED", jobs.find(execution).orElseThrow().batchStatus());
    assertEquals(1, campaigns.read(campaignId).stats().sent());
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "select d.status, d.consent_event_id, s.event_id from delivery d join consent_state"
                    + " s on s.customer_id = d.customer_id and s.purpose = 'NEWSLETTER'"
                    + " where d.campaign_id = ?")) {
      select.setString(1, campaignId);
      try (ResultSet row = select.executeQuery()) {
        assertTrue(row.next());
        assertEquals("SENT", row.getString(1));
        assertEquals(row.getString(3), row.getString(2), "the consent that allowed it");
      }
    }
  }

  @Test
  void concurrentWritesKeepTheAuditChainValid() throws Exception {
    ChainVerification before = auditTrail.verify();
    assertTrue(before.valid(), before::toString);

    Callable<Void> tenEntries =
        () -> {
          for (int i = 0; i < 10; i++) {
            auditTrail.recordAs("it", "TEST", null, null);
          }
          return null;
        };
    ExecutorService pool = Executors.newFixedThreadPool(5, threads);
    try {
      for (Future<Void> done : pool.invokeAll(Collections.nCopies(5, tenEntries))) {
        done.get();
      }
    } finally {
      pool.shutdown();
    }

    ChainVerification after = auditTrail.verify();
    assertTrue(after.valid(), after::toString);
    assertEquals(before.entries() + 50, after.entries());
  }

  private static boolean contains(byte[] stored, String plaintext) {
    // ISO-8859-1 maps each byte to one char, so this is a search for the UTF-8 bytes.
    return new String(stored, StandardCharsets.ISO_8859_1)
        .contains(
            new String(plaintext.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
  }
}
