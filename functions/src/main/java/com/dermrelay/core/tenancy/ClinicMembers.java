package com.dermrelay.core.tenancy;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.data.ItemPage;
import com.dermrelay.core.data.ItemQuery;
import com.dermrelay.core.data.SingleTable;
import com.dermrelay.core.data.StoredItem;
import com.dermrelay.core.data.TenantTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;

/**
 * Every membership of the acting clinic, active and removed, read page by page on the clinic's own
 * session: for those who need the whole team at once (the alerts' addresses, the quality figures'
 * reader names). A clinic's team is tens of people, so the pages are few.
 */
public final class ClinicMembers {
  private static final int PAGE = 100;

  private final TenantTable<MembershipItem> members;

  @Inject
  public ClinicMembers(SingleTable table) {
    this.members = table.tenantTable(MembershipItem.SCHEMA);
  }

  public List<StoredItem<MembershipItem>> all(TenantContext tenant) {
    List<StoredItem<MembershipItem>> all = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      ItemPage<MembershipItem> page =
          members.query(
              tenant,
              ItemQuery.partition("")
                  .sortBeginsWith(TenantKeys.MEMBER_PREFIX)
                  .limit(PAGE)
                  .after(cursor));
      all.addAll(page.items());
      cursor = page.nextCursor();
    } while (cursor.isPresent());
    return all;
  }
}
