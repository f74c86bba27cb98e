package app.custodian.security.entity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

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

  /** The names of the roles, as a caller's groups. */
  public static Set<String> namesOf(Collection<Role> roles) {
    return roles.stream().map(Enum::name).collect(Collectors.toSet());
  }

  /** The roles named, as the API and the portal take them. */
  public static Set<Role> setOf(Collection<String> names) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    names.forEach(name -> roles.add(valueOf(name)));
    return roles;
  }
}
