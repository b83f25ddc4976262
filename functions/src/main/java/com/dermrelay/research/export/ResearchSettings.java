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
    return settings.workflowArn(WORKFLOW_ARN, "dermrelay-research-export");
  }
}
