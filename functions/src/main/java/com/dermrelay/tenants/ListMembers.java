package com.dermrelay.tenants;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.data.ItemPage;
import com.dermrelay.core.tenancy.MembershipItem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;

/**
 * The clinic's team for its admins: every membership item of the acting clinic, active and removed,
 * so the console can list who may work here and remove a dermatologist by subject. Names, e-mails
 * and roles only; no health data, so no audit record.
 */
public final class ListMembers {
  /** A clinic's team is small; the cap only bounds a runaway loop. */
  private static final int MAX_PAGES = 20;

  private final Memberships memberships;

  @Inject
  public ListMembers(Memberships memberships) {
    this.memberships = memberships;
  }

  public record Member(
      String subject,
      String displayName,
      String email,
      String role,
      String status,
      String joinedAt,
      Boolean medicalLead) {
    static Member of(MembershipItem item) {
      return new Member(
          Memberships.text(item.userSub()),
          Memberships.text(item.displayName()),
          Memberships.text(item.email()),
          Memberships.text(item.role()),
          item.statusOrActive(),
          Memberships.text(item.joinedAt()),
          item.isMedicalLead() ? Boolean.TRUE : null);
    }
  }

  public record Team(List<Member> members) {}

  public Team run(TenantContext tenant) {
    List<Member> members = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    for (int page = 0; page < MAX_PAGES; page++) {
      ItemPage<MembershipItem> result = memberships.page(tenant, cursor);
      for (MembershipItem item : result.records()) {
        members.add(Member.of(item));
      }
      cursor = result.nextCursor();
      if (cursor.isEmpty()) {
        break;
      }
    }
    members.sort(
        Comparator.comparing(Member::status)
            .thenComparing(
                m -> m.displayName().isEmpty() ? m.email() : m.displayName(),
                String.CASE_INSENSITIVE_ORDER));
    return new Team(List.copyOf(members));
  }
}
