package app.custodian.security.entity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/** What a staff account may do. */
public enum Role {
  /** Everything. */
  ADMIN,
  /** Customer records, contracts, consents, privacy requests. */
  OPERATOR,
  /** Campaigns and their statistics; never a customer's personal data. */
  MARKETING,
  /** The audit trail, read-only. */
  AUDITOR;

  /** The roles named, as the API and the portal take them. */
  public static Set<Role> setOf(Collection<String> names) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    names.forEach(name -> roles.add(valueOf(name)));
    return roles;
  }
}
