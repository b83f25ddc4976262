package com.dermrelay.review;

import java.util.List;

/**
 * The patient's reply to a question ({@code REPLY#<round>}, written once), with the photos of the
 * round that were checked and usable when it was sent.
 */
public record InfoReply(String replyId, int round, String text, List<PhotoRef> photos, String sentAt) {
  public InfoReply {
    photos = photos == null ? List.of() : List.copyOf(photos);
  }

  /** replyToInfoRequest's body. */
  public record Send(String text) {}

  /** A photo of the case by its view key ({@code <view>@<round>}) and id. */
  public record PhotoRef(String view, String photoId) {}
}
