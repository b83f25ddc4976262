package com.dermrelay.core.data;

import java.util.List;
import java.util.Optional;

/** One page of a query; {@code nextCursor} is opaque to clients and checked when it comes back. */
public record ItemPage<T>(List<StoredItem<T>> items, Optional<String> nextCursor) {
  /** The records of the page, in its order. */
  public List<T> records() {
    return items.stream().map(StoredItem::record).toList();
  }
}
