package com.dermrelay.cases;

import java.util.List;

/**
 * The patient's reply to a question ({@code REPLY#<round>}, written once), with the photos of the
 * round that were checked and usable when it was sent.
 */
public record InfoReply(
    String replyId, int round, String text, List<PhotoRef> photos, String sentAt) {
  public InfoReply {
    photos = photos == null ? List.of() : List.copyOf(photos);
  }

  /** The same reply with its round and photo keys as the API shows them; never stored. */
  public InfoReply shown() {
    return new InfoReply(replyId, Rounds.shown(round), text, PhotoRef.shown(photos), sentAt);
  }

  /** replyToInfoRequest's body. */
  public record Send(String text) {}

  /** A photo of the case by its view key ({@code <view>@<round>}) and id. */
  public record PhotoRef(String view, String photoId) {
    static List<PhotoRef> shown(List<PhotoRef> stored) {
      return stored.stream()
          .map(p -> new PhotoRef(Rounds.shownPhotoKey(p.view()), p.photoId()))
          .toList();
    }
  }
}
