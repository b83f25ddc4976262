package com.dermrelay.local.testing;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import java.util.Optional;

/** Every part in this JVM (and dynalite's node child): the default, and what CI runs. */
public final class EmbeddedStackProvider implements StackProvider {
  public static final String NAME = "embedded";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Optional<String> unavailableReason() {
    return Optional.empty();
  }

  @Override
  public LocalStack start(LocalStackConfig config) {
    return LocalStack.start(config);
  }
}
