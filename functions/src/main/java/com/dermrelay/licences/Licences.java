package com.dermrelay.licences;

import com.dermrelay.core.auth.Caller;
import com.dermrelay.core.data.SingleTable;
import com.dermrelay.core.data.StoredItem;
import com.dermrelay.core.data.UserTable;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/** A dermatologist's licences: {@code USER#<sub>} / {@code LICENCE#<jurisdiction>} items. */
@Singleton
public final class Licences {
  private static final String SORT = "LICENCE#";

  private final UserTable<LicenceItem> items;

  @Inject
  public Licences(SingleTable table) {
    this.items = table.userTable(LicenceItem.SCHEMA);
  }

  /** The licence for {@code jurisdiction}, removed ones included (as tombstones). */
  Optional<StoredItem<LicenceItem>> get(Caller user, String jurisdiction) {
    return items.get(user, SORT + jurisdiction);
  }

  /** Every licence the user holds (removed ones left out), by jurisdiction. */
  List<LicenceItem> held(Caller user) {
    return items.all(user, SORT).stream()
        .map(StoredItem::record)
        .filter(l -> !l.removed())
        .toList();
  }

  /**
   * Writes {@code licence} on {@code expectedVersion} (0: new).
   *
   * @throws com.dermrelay.core.data.VersionConflictException if another write came first
   */
  void put(Caller user, LicenceItem licence, long expectedVersion) {
    items.putVersioned(user, SORT + licence.jurisdiction(), licence, expectedVersion);
  }
}
