package app.custodian.customer.entity;

import app.custodian.platform.control.Ids;
import app.custodian.security.control.EncryptedString;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A customer's record. Every personal field is stored encrypted; the blind indexes are what
 * lookups, uniqueness and name search use.
 */
@Entity
@Table(name = "customer")
public class Customer {

  @Id private String id;

  @Convert(converter = EncryptedString.class)
  @Column(name = "full_name")
  private String fullName;

  @Convert(converter = EncryptedString.class)
  private String email;

  @Column(name = "email_index")
  private String emailIndex;

  @Convert(converter = EncryptedString.class)
  private String phone;

  @Column(name = "phone_index")
  private String phoneIndex;

  @Convert(converter = EncryptedString.class)
  private String address;

  @Convert(converter = EncryptedString.class)
  private String organization;

  @Convert(converter = EncryptedString.class)
  @Column(name = "job_title")
  private String jobTitle;

  @Convert(converter = EncryptedString.class)
  private String fax;

  private String locale;
  private String source;

  @Convert(converter = EncryptedString.class)
  @Column(name = "legal_hold_reason")
  private String legalHoldReason;

  @ElementCollection
  @CollectionTable(name = "customer_name_word", joinColumns = @JoinColumn(name = "customer_id"))
  @Column(name = "word_index")
  private Set<String> nameWordIndexes = new HashSet<>();

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  @Version private long version;

  protected Customer() {}

  public Customer(CustomerDetails details, SearchIndexes indexes, Instant now) {
    this.id = Ids.newId();
    this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
    apply(details, indexes, now);
  }

  /** Replaces the personal data with corrected values; the old values are gone. */
  public void rectify(CustomerDetails details, SearchIndexes indexes, Instant now) {
    apply(details, indexes, now);
  }

  private void apply(CustomerDetails details, SearchIndexes indexes, Instant now) {
    Objects.requireNonNull(details);
    this.fullName = details.fullName();
    this.email = details.email();
    this.phone = details.phone();
    this.address = details.address();
    this.organization = details.organization();
    this.jobTitle = details.jobTitle();
    this.fax = details.fax();
    this.locale = details.locale();
    this.source = details.source();
    this.emailIndex = indexes.email();
    this.phoneIndex = indexes.phone();
    this.nameWordIndexes.clear();
    this.nameWordIndexes.addAll(indexes.nameWords());
    this.updatedAt = now.truncatedTo(ChronoUnit.MICROS);
  }

  public void placeLegalHold(String reason, Instant now) {
    this.legalHoldReason = Objects.requireNonNull(reason);
    this.updatedAt = now;
  }

  public void releaseLegalHold(Instant now) {
    this.legalHoldReason = null;
    this.updatedAt = now;
  }

  public boolean underLegalHold() {
    return legalHoldReason != null;
  }

  public String legalHoldReason() {
    return legalHoldReason;
  }

  public CustomerDetails details() {
    return new CustomerDetails(
        fullName, email, phone, address, organization, jobTitle, fax, locale, source);
  }

  public String id() {
    return id;
  }

  public String emailIndex() {
    return emailIndex;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
