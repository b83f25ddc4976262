package com.dermrelay.quality;

import com.dermrelay.core.config.Settings;
import javax.inject.Inject;

/** The second-read workflow's ARN, from the same environment as {@link Settings}. */
public final class SecondReadSettings {
  public static final String WORKFLOW_ARN = "DERMRELAY_SECOND_READ_WORKFLOW_ARN";

  private final Settings settings;

  @Inject
  public SecondReadSettings(Settings settings) {
    this.settings = settings;
  }

  public String workflowArn() {
    return settings.workflowArn(WORKFLOW_ARN, "dermrelay-second-read");
  }
}
