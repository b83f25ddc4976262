package com.dermrelay.research.export;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.http.PageLimit;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;

/** The clinic's research exports, newest first, without reports or keys. */
public final class ListResearchExports {
  private final ResearchExports exports;

  @Inject
  public ListResearchExports(ResearchExports exports) {
    this.exports = exports;
  }

  /** A page of exports and the cursor of the next ({@code null} on the last page). */
  public record Page(List<ResearchExportView> exports, String nextCursor) {}

  public Page run(TenantContext tenant, Optional<String> limit, Optional<String> cursor) {
    ResearchExports.Page page = exports.list(tenant, PageLimit.parse(limit, 20, 100), cursor);
    return new Page(
        page.exports().stream().map(s -> ResearchExportView.of(s.export()).summary()).toList(),
        page.nextCursor().orElse(null));
  }
}
