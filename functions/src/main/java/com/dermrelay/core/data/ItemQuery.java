package com.dermrelay.core.data;

import java.util.Optional;

/**
 * A query of one tenant-relative partition, of the table or an index: optionally a sort-key range
 * or prefix, a page size, the cursor of the previous page, newest (highest sort key) first.
 */
public record ItemQuery(
    Optional<IndexKey.Index> index,
    String partition,
    Optional<String> sortFrom,
    Optional<String> sortTo,
    Optional<String> sortPrefix,
    int limit,
    Optional<String> cursor,
    boolean descending) {

  public static ItemQuery partition(String partition) {
    return new ItemQuery(
        Optional.empty(),
        partition,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        50,
        Optional.empty(),
        false);
  }

  public ItemQuery onIndex(IndexKey.Index value) {
    return new ItemQuery(
        Optional.of(value), partition, sortFrom, sortTo, sortPrefix, limit, cursor, descending);
  }

  /** Sort keys between the two, inclusive. */
  public ItemQuery sortBetween(String from, String to) {
    return new ItemQuery(
        index,
        partition,
        Optional.of(from),
        Optional.of(to),
        Optional.empty(),
        limit,
        cursor,
        descending);
  }

  public ItemQuery sortBeginsWith(String prefix) {
    return new ItemQuery(
        index,
        partition,
        Optional.empty(),
        Optional.empty(),
        Optional.of(prefix),
        limit,
        cursor,
        descending);
  }

  public ItemQuery limit(int value) {
    return new ItemQuery(index, partition, sortFrom, sortTo, sortPrefix, value, cursor, descending);
  }

  public ItemQuery after(Optional<String> value) {
    return new ItemQuery(index, partition, sortFrom, sortTo, sortPrefix, limit, value, descending);
  }

  public ItemQuery newestFirst() {
    return new ItemQuery(index, partition, sortFrom, sortTo, sortPrefix, limit, cursor, true);
  }
}
