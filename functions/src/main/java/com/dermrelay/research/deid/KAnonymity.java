package com.dermrelay.research.deid;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * k-anonymity over the {@link QuasiIdentifier}s: every combination of released values is shared by
 * at least k different patients (not images: one patient's many photos protect nobody). Datafly's
 * method (Sweeney, "Achieving k-anonymity privacy protection using generalization and suppression",
 * 2002): while more than k images sit in combinations of fewer than k patients, generalise the
 * quasi-identifier with the most distinct released values one level (full-domain: every image
 * alike, so a column means one thing throughout); then suppress (leave out) the images still in too
 * small a combination. Pure: no I/O.
 */
public final class KAnonymity {
  private KAnonymity() {}

  /** How far each quasi-identifier was generalised; 0 is ISIC's own value. */
  public record Levels(Map<QuasiIdentifier, Integer> byIdentifier) {
    public Levels {
      byIdentifier = Map.copyOf(byIdentifier);
    }

    static Levels none() {
      Map<QuasiIdentifier, Integer> zero = new EnumMap<>(QuasiIdentifier.class);
      for (QuasiIdentifier q : QuasiIdentifier.values()) {
        zero.put(q, 0);
      }
      return new Levels(zero);
    }

    public int of(QuasiIdentifier identifier) {
      return byIdentifier.getOrDefault(identifier, 0);
    }

    Levels raised(QuasiIdentifier identifier) {
      Map<QuasiIdentifier, Integer> next = new EnumMap<>(byIdentifier);
      next.put(identifier, of(identifier) + 1);
      return new Levels(next);
    }
  }

  /**
   * @param released the images that stay, each combination shared by at least k patients
   * @param generalised how many released images carry a coarser value than ISIC's own somewhere
   * @param suppressed the images left out because their combination stayed under k patients
   */
  public record Result(
      Levels levels,
      List<ReleasedImage> released,
      int generalised,
      List<ReleasedImage> suppressed) {}

  /** Generalises, then suppresses, as the class says. */
  public static Result apply(List<CandidateImage> images, int k) {
    Levels levels = Levels.none();
    while (true) {
      List<ReleasedImage> at = release(images, levels);
      if (violating(at, k).size() <= k) {
        break;
      }
      QuasiIdentifier next = mostDistinct(at, levels);
      if (next == null) {
        break; // everything fully generalised: what is left under k goes
      }
      levels = levels.raised(next);
    }
    return suppress(images, levels, k);
  }

  /**
   * Keeps the levels and suppresses only: for images that stay after later checks removed others (a
   * withdrawn consent, a photo that failed its check), whose combinations may have shrunk.
   */
  public static Result suppressOnly(List<CandidateImage> images, Levels levels, int k) {
    return suppress(images, levels, k);
  }

  private static Result suppress(List<CandidateImage> images, Levels levels, int k) {
    List<ReleasedImage> all = release(images, levels);
    Set<ReleasedImage> out = new HashSet<>(violating(all, k));
    List<ReleasedImage> kept = new ArrayList<>();
    List<ReleasedImage> suppressed = new ArrayList<>();
    int generalised = 0;
    Levels none = Levels.none();
    for (ReleasedImage image : all) {
      if (out.contains(image)) {
        suppressed.add(image);
        continue;
      }
      kept.add(image);
      if (!image.quasiIdentifiers().equals(valuesAt(image.image(), none))) {
        generalised++;
      }
    }
    return new Result(levels, kept, generalised, suppressed);
  }

  static List<ReleasedImage> release(List<CandidateImage> images, Levels levels) {
    return images.stream().map(i -> new ReleasedImage(i, valuesAt(i, levels))).toList();
  }

  private static List<String> valuesAt(CandidateImage image, Levels levels) {
    List<String> values = new ArrayList<>();
    for (QuasiIdentifier q : QuasiIdentifier.values()) {
      values.add(q.value(image, levels.of(q)));
    }
    return values;
  }

  /** The images whose combination is shared by fewer than k patients. */
  static List<ReleasedImage> violating(List<ReleasedImage> images, int k) {
    Map<List<String>, Set<String>> patients = new HashMap<>();
    for (ReleasedImage image : images) {
      patients
          .computeIfAbsent(image.quasiIdentifiers(), c -> new HashSet<>())
          .add(image.image().patientId());
    }
    return images.stream().filter(i -> patients.get(i.quasiIdentifiers()).size() < k).toList();
  }

  /**
   * Datafly's choice: the identifier with the most distinct values that can still be generalised.
   */
  private static QuasiIdentifier mostDistinct(List<ReleasedImage> images, Levels levels) {
    QuasiIdentifier best = null;
    long bestCount = -1;
    for (QuasiIdentifier q : QuasiIdentifier.values()) {
      if (levels.of(q) >= q.suppressedLevel()) {
        continue;
      }
      long distinct = images.stream().map(i -> i.value(q)).distinct().count();
      if (distinct > bestCount) { // ties: the earlier in the enum (age before sex, ...)
        best = q;
        bestCount = distinct;
      }
    }
    return best;
  }
}
