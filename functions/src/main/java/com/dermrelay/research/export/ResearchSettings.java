package com.dermrelay.research.export;

import com.dermrelay.core.config.Settings;
import javax.inject.Inject;

/** The research export workflow's ARN, from the same environment as {@link Settings}. */
public final class ResearchSettings {
  public static final String WORKFLOW_ARN = "DERMRELAY_RESEARCH_EXPORT_WORKFLOW_ARN";

  private final Settings settings;

  @Inject
  public ResearchSettings(Settings settings) {
    this.settings = settings;
  }

  public String workflowArn() {
    return settings
        .environment()
        .getOrDefault(
            WORKFLOW_ARN,
            "arn:aws:states:us-east-1:000000000000:stateMachine:dermrelay-research-export");
  }
}
