package com.dermrelay.core.data;

import java.util.Objects;

/**
 * An item's key in one of the overloaded indexes ({@code gsi1}, {@code gsi2}); the partition is
 * relative to the tenant like {@link ItemKey}'s, so index keys are tenant-prefixed too. The one
 * exception is a directory entry ({@link #directory}): the global lookups a clinic's slug, a user's
 * clinics and the platform's list of clinics need, limited to the {@code SLUG#}, {@code USER#} and
 * {@code CLINICS#} partitions.
 */
public record IndexKey(Index index, String partition, String sort, boolean global) {
  /** The directory's partitions: a clinic's slug, and a user's clinics. */
  public static final String SLUG_DIRECTORY = "SLUG#";

  public static final String USER_DIRECTORY = "USER#";

  /** Every clinic, one entry each (sort: the clinic's id): for platform jobs, without a Scan. */
  public static final String CLINIC_DIRECTORY = "CLINICS#";

  private static final java.util.List<String> DIRECTORY_PREFIXES =
      java.util.List.of(SLUG_DIRECTORY, USER_DIRECTORY, CLINIC_DIRECTORY);

  public static IndexKey of(Index index, String partition, String sort) {
    return new IndexKey(index, partition, sort, false);
  }

  /** A global directory entry: {@code SLUG#<slug>}, {@code USER#<subject>} or {@code CLINICS#}. */
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
