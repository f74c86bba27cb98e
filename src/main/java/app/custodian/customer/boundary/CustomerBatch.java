package app.custodian.customer.boundary;

import app.custodian.customer.control.CustomerNormaliser;
import app.custodian.customer.entity.CustomerDetails;
import app.custodian.customer.entity.SearchIndexes;
import app.custodian.platform.control.DatabaseTime;
import app.custodian.platform.control.Ids;
import app.custodian.platform.control.RowCopy;
import app.custodian.platform.control.SqlLists;
import app.custodian.security.control.BlindIndex;
import app.custodian.security.control.FieldCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Customer records written many at a time with plain JDBC on the caller's connection and in its
 * transaction, for batch jobs (a bulk import): the same stored form as {@link CustomerService}
 * writes (normalised, encrypted, with their blind indexes and name words), in JDBC batches. The
 * caller audits.
 */
@ApplicationScoped
public class CustomerBatch {

  @Inject FieldCipher cipher;
  @Inject BlindIndex blindIndex;

  /** A live customer found by their email's blind index; {@code details} null unless asked for. */
  public record Existing(String id, CustomerDetails details) {}

  /** A customer to write: new (then {@code id} is new too) or rectified. */
  public record Written(String id, CustomerDetails details, SearchIndexes indexes) {}

  public String emailIndex(String email) {
    return blindIndex.email(email);
  }

  /** The stored form of checked input, with its indexes, under a new id. */
  public Written newCustomer(CustomerInput input) {
    CustomerDetails details = CustomerNormaliser.details(input);
    return new Written(
        Ids.newTimeOrderedId(), details, CustomerNormaliser.indexes(details, blindIndex));
  }

  /** The stored form of checked input for the existing customer. */
  public Written rectified(String id, CustomerInput input) {
    CustomerDetails details = CustomerNormaliser.details(input);
    return new Written(id, details, CustomerNormaliser.indexes(details, blindIndex));
  }

  /** The live customers with these email indexes, by index. */
  public Map<String, Existing> byEmailIndex(
      Connection connection, Collection<String> emailIndexes, boolean withDetails)
      throws SQLException {
    Map<String, Existing> found = new HashMap<>();
    if (emailIndexes.isEmpty()) {
      return found;
    }
    String columns =
        withDetails
            ? ", full_name, email, phone, address, organization, job_title, fax, locale, source"
            : "";
    try (PreparedStatement query =
        connection.prepareStatement(
            "select id, email_index"
                + columns
                + " from customer where email_index in ("
                + SqlLists.placeholders(emailIndexes.size())
                + ")")) {
      SqlLists.bind(query, 1, emailIndexes);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          CustomerDetails details = withDetails ? details(row) : null;
          found.put(row.getString(2), new Existing(row.getString(1), details));
        }
      }
    }
    return found;
  }

  private CustomerDetails details(ResultSet row) throws SQLException {
    return new CustomerDetails(
        cipher.decrypt(row.getBytes(3)),
        cipher.decrypt(row.getBytes(4)),
        cipher.decrypt(row.getBytes(5)),
        cipher.decrypt(row.getBytes(6)),
        cipher.decrypt(row.getBytes(7)),
        cipher.decrypt(row.getBytes(8)),
        cipher.decrypt(row.getBytes(9)),
        row.getString(10),
        row.getString(11));
  }

  /**
   * Inserts new customers with their name words, in two writes ({@link RowCopy}: COPY on
   * PostgreSQL).
   */
  public void insert(Connection connection, List<Written> customers) throws SQLException {
    if (customers.isEmpty()) {
      return;
    }
    OffsetDateTime now = DatabaseTime.now();
    RowCopy rows =
        new RowCopy(
            "customer",
            "full_name",
            "email",
            "phone",
            "address",
            "organization",
            "job_title",
            "fax",
            "locale",
            "source",
            "email_index",
            "phone_index",
            "created_at",
            "updated_at",
            "version",
            "id");
    // Encrypting is most of the work here: on both cores.
    customers.parallelStream()
        .map(c -> Stream.concat(storedRecord(c), Stream.of(now, now, 0L, c.id())).toArray())
        .toList()
        .forEach(rows::add);
    rows.write(connection);
    insertNameWords(connection, customers);
  }

  /**
   * The stored values of the record's columns from {@code full_name} to {@code phone_index}, in
   * that order: the personal ones encrypted.
   */
  private Stream<Object> storedRecord(Written customer) {
    CustomerDetails d = customer.details();
    return Stream.of(
        cipher.encrypt(d.fullName()),
        cipher.encrypt(d.email()),
        cipher.encrypt(d.phone()),
        cipher.encrypt(d.address()),
        cipher.encrypt(d.organization()),
        cipher.encrypt(d.jobTitle()),
        cipher.encrypt(d.fax()),
        d.locale(),
        d.source(),
        customer.indexes().email(),
        customer.indexes().phone());
  }

  /** Writes corrected values over the customers' records; the old values are gone. */
  public void rectify(Connection connection, List<Written> customers) throws SQLException {
    if (customers.isEmpty()) {
      return;
    }
    OffsetDateTime now = DatabaseTime.now();
    try (PreparedStatement update =
        connection.prepareStatement(
            "update customer set full_name = ?, email = ?, phone = ?, address = ?,"
                + " organization = ?, job_title = ?, fax = ?, locale = ?, source = ?,"
                + " email_index = ?, phone_index = ?, updated_at = ?, version = version + 1"
                + " where id = ?")) {
      for (Written customer : customers) {
        SqlLists.bind(
            update,
            1,
            Stream.concat(storedRecord(customer), Stream.of(now, customer.id())).toList());
        update.addBatch();
      }
      update.executeBatch();
    }
    SqlLists.update(
        connection,
        "delete from customer_name_word where customer_id in (%s)",
        customers.stream().map(Written::id).toList());
    insertNameWords(connection, customers);
  }

  private static void insertNameWords(Connection connection, List<Written> customers)
      throws SQLException {
    RowCopy words = new RowCopy("customer_name_word", "customer_id", "word_index");
    for (Written customer : customers) {
      for (String word : customer.indexes().nameWords()) {
        words.add(customer.id(), word);
      }
    }
    words.write(connection);
  }
}
