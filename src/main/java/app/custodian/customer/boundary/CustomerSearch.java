package app.custodian.customer.boundary;

import app.custodian.customer.control.PhoneNumbers;
import app.custodian.customer.entity.Customer;
import app.custodian.platform.control.Page;
import app.custodian.platform.control.PageRequest;
import app.custodian.security.control.BlindIndex;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds customers through blind indexes only: exact email, exact phone, or every word of a name
 * (accent- and case-insensitive, whole words).
 */
@Dependent
public class CustomerSearch {

  @PersistenceContext EntityManager em;
  @Inject BlindIndex blindIndex;

  public Optional<String> idByEmailIndex(String emailIndex) {
    return em.createQuery("select c.id from Customer c where c.emailIndex = :index", String.class)
        .setParameter("index", emailIndex)
        .getResultStream()
        .findFirst();
  }

  public Page<Customer> find(String query, PageRequest page) {
    if (query == null || query.isBlank()) {
      return all(page);
    }
    String q = query.strip();
    if (q.contains("@")) {
      return byIndex("emailIndex", blindIndex.email(q), page);
    }
    Optional<String> phone = phone(q);
    if (phone.isPresent()) {
      return byIndex("phoneIndex", blindIndex.phone(phone.get()), page);
    }
    return byNameWords(blindIndex.nameWords(q), page);
  }

  private Page<Customer> all(PageRequest page) {
    return byIndex(null, null, page);
  }

  /** Customers whose blind index {@code attribute} equals {@code index}; all when null. */
  private Page<Customer> byIndex(String attribute, String index, PageRequest page) {
    String where = attribute == null ? "" : " where c." + attribute + " = :index";
    TypedQuery<Customer> customers =
        em.createQuery(
            "select c from Customer c" + where + " order by c.createdAt, c.id", Customer.class);
    TypedQuery<Long> count = em.createQuery("select count(c) from Customer c" + where, Long.class);
    if (attribute != null) {
      customers.setParameter("index", index);
      count.setParameter("index", index);
    }
    return Page.of(
        customers.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList(),
        page,
        count.getSingleResult());
  }

  private Page<Customer> byNameWords(Set<String> words, PageRequest page) {
    if (words.isEmpty()) {
      return Page.of(List.of(), page, 0);
    }
    String matching =
        "select customer_id from customer_name_word where word_index in ("
            + String.join(",", Collections.nCopies(words.size(), "?"))
            + ") group by customer_id having count(*) = ?";
    var count = em.createNativeQuery("select count(*) from (" + matching + ") m");
    var ids = em.createNativeQuery(matching + " order by customer_id limit ? offset ?");
    List<String> params = new ArrayList<>(words);
    for (int i = 0; i < params.size(); i++) {
      count.setParameter(i + 1, params.get(i));
      ids.setParameter(i + 1, params.get(i));
    }
    count.setParameter(params.size() + 1, words.size());
    ids.setParameter(params.size() + 1, words.size());
    ids.setParameter(params.size() + 2, page.size());
    ids.setParameter(params.size() + 3, page.offset());
    @SuppressWarnings("unchecked")
    List<String> found = ids.getResultList();
    long total = ((Number) count.getSingleResult()).longValue();
    if (found.isEmpty()) {
      return Page.of(List.of(), page, total);
    }
    List<Customer> customers =
        new ArrayList<>(
            em.createQuery("select c from Customer c where c.id in :ids", Customer.class)
                .setParameter("ids", found)
                .getResultList());
    customers.sort(Comparator.comparing(Customer::id));
    return Page.of(customers, page, total);
  }

  private static Optional<String> phone(String q) {
    if (!q.matches("[+0-9 ().-]{6,}")) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(PhoneNumbers.toE164(q));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
