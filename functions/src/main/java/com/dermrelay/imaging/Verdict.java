package com.dermrelay.imaging;

/**
 * The outcome of a photo check, from best to worst; a photo's verdict is the worst of its findings.
 * Declaration order matters: {@link #worse(Verdict)} compares ordinals.
 */
public enum Verdict {
  /** Nothing to say: store the clean copy. */
  ACCEPTED,
  /** Usable; the patient sees the advice and may keep it. */
  ACCEPTED_WITH_WARNINGS,
  /** Probably not good enough to judge from; the patient should take it again, but may keep it. */
  RETAKE_ADVISED,
  /** Not stored: not a photo we can open, or outside the hard limits. */
  REJECTED;

  public Verdict worse(Verdict other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
