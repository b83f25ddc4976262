package com.dermrelay.research.marks;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * A dermatologist's mark on one of a case's photos: whether it shows no face, so a research export
 * may include it (docs/research-export.md). Only a person can tell; nothing here guesses.
 *
 * @param faceFree true: the dermatologist looked and saw no face (nor anything comparable)
 * @param markedByName the dermatologist's name as their token gave it
 */
public record PhotoMark(
    String photoId, boolean faceFree, String markedBy, String markedByName, String markedAt) {

  /** Built from lambdas, no reflection (decision 0018). */
  static final TableSchema<PhotoMark> SCHEMA =
      StaticImmutableTableSchema.builder(PhotoMark.class, Builder.class)
          .newItemBuilder(Builder::new, Builder::build)
          .addAttribute(
              String.class, a -> a.name("type").getter(m -> "PHOTO_MARK").setter((b, v) -> {}))
          .addAttribute(
              String.class,
              a -> a.name("photoId").getter(PhotoMark::photoId).setter((b, v) -> b.photoId = v))
          .addAttribute(
              Boolean.class,
              a ->
                  a.name("faceFree")
                      .getter(PhotoMark::faceFree)
                      .setter((b, v) -> b.faceFree = Boolean.TRUE.equals(v)))
          .addAttribute(
              String.class,
              a -> a.name("markedBy").getter(PhotoMark::markedBy).setter((b, v) -> b.markedBy = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("markedByName")
                      .getter(PhotoMark::markedByName)
                      .setter((b, v) -> b.markedByName = v))
          .addAttribute(
              String.class,
              a -> a.name("markedAt").getter(PhotoMark::markedAt).setter((b, v) -> b.markedAt = v))
          .build();

  private static final class Builder {
    String photoId;
    boolean faceFree;
    String markedBy;
    String markedByName;
    String markedAt;

    PhotoMark build() {
      return new PhotoMark(photoId, faceFree, markedBy, markedByName, markedAt);
    }
  }
}
