package com.dermrelay.datarights;

import java.util.List;

/**
 * What requestErasure answers: what was erased, and what was kept, why, and until when, in words a
 * patient can read.
 */
public record ErasureResult(String status, List<String> erased, List<Kept> kept) {
  /** One kind of data kept despite the request. */
  public record Kept(String data, String reason, String keptAtLeastUntil) {}
}
