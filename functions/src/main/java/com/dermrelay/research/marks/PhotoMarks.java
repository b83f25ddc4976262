package com.dermrelay.research.marks;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.data.ItemKey;
import com.dermrelay.core.data.ItemPage;
import com.dermrelay.core.data.ItemQuery;
import com.dermrelay.core.data.SingleTable;
import com.dermrelay.core.data.TenantTable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Photo marks in the case's partition: {@code TENANT#<id>#CASE#<caseId>} / {@code
 * FACE_FREE#<photoId>}, one per marked photo, versioned; a case's marks are one Query of its
 * partition.
 */
@Singleton
public final class PhotoMarks {
  private static final String PREFIX = "FACE_FREE#";

  private final TenantTable<PhotoMark> items;

  @Inject
  public PhotoMarks(SingleTable table) {
    this.items = table.tenantTable(PhotoMark.SCHEMA);
  }

  static ItemKey key(String caseId, String photoId) {
    return ItemKey.of("CASE#" + caseId, PREFIX + photoId);
  }

  public Optional<Stored> find(TenantContext tenant, String caseId, String photoId) {
    return items
        .get(tenant, key(caseId, photoId))
        .map(item -> new Stored(item.version(), item.record()));
  }

  /** Every mark of the case, by photo id. */
  public Map<String, PhotoMark> ofCase(TenantContext tenant, String caseId) {
    Map<String, PhotoMark> marks = new LinkedHashMap<>();
    Optional<String> cursor = Optional.empty();
    do {
      ItemPage<PhotoMark> page =
          items.query(
              tenant,
              ItemQuery.partition("CASE#" + caseId)
                  .sortBeginsWith(PREFIX)
                  .limit(100)
                  .after(cursor));
      page.records().forEach(mark -> marks.put(mark.photoId(), mark));
      cursor = page.nextCursor();
    } while (cursor.isPresent());
    return marks;
  }

  /** Writes the mark on {@code expectedVersion} (0: new); returns the new version. */
  public long save(TenantContext tenant, String caseId, PhotoMark mark, long expectedVersion) {
    return items.putVersioned(tenant, key(caseId, mark.photoId()), mark, expectedVersion);
  }

  /** A mark as read, with the version a change must be conditioned on. */
  public record Stored(long version, PhotoMark mark) {}
}
