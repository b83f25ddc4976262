package com.dermrelay.core.data;

import java.util.Objects;

/**
 * An item's key in one of the overloaded indexes ({@code gsi1}, {@code gsi2}); the partition is
 * relative to the tenant like {@link ItemKey}'s, so index keys are tenant-prefixed too. The one
 * exception is a directory entry ({@link #directory}): the global lookups a clinic's slug and a
 * user's clinics need, limited to the {@code SLUG#} and {@code USER#} partitions.
 */
public record IndexKey(Index index, String partition, String sort, boolean global) {
  /** The directory's partitions: a clinic's slug, and a user's clinics. */
  public static final String SLUG_DIRECTORY = "SLUG#";

  public static final String USER_DIRECTORY = "USER#";
  private static final java.util.List<String> DIRECTORY_PREFIXES =
      java.util.List.of(SLUG_DIRECTORY, USER_DIRECTORY);

  public static IndexKey of(Index index, String partition, String sort) {
    return new IndexKey(index, partition, sort, false);
  }

  /** A global directory entry: {@code SLUG#<slug>} or {@code USER#<subject>}. */
  public static IndexKey directory(Index index, String partition, String sort) {
    if (DIRECTORY_PREFIXES.stream().noneMatch(partition::startsWith)) {
      throw new IllegalArgumentException("not a directory partition");
    }
    return new IndexKey(index, partition, sort, true);
  }

  /** The table's two overloaded global secondary indexes. */
  public enum Index {
    GSI1("gsi1"),
    GSI2("gsi2");

    private final String name;

    Index(String name) {
      this.name = name;
    }

    public String indexName() {
      return name;
    }

    String pkAttribute() {
      return name + "pk";
    }

    String skAttribute() {
      return name + "sk";
    }
  }

  public IndexKey {
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(partition, "partition");
    Objects.requireNonNull(sort, "sort");
  }
}
