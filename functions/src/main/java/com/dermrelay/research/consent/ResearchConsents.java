package com.dermrelay.research.consent;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.data.IndexKey;
import com.dermrelay.core.data.ItemKey;
import com.dermrelay.core.data.ItemPage;
import com.dermrelay.core.data.ItemQuery;
import com.dermrelay.core.data.SingleTable;
import com.dermrelay.core.data.TenantTable;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Research consents in the table: {@code TENANT#<id>#PATIENT#<sub>} / {@code RESEARCH_CONSENT}, one
 * per patient of the clinic, versioned. While a consent is given its item is also on the sparse
 * index {@code gsi1} {@code TENANT#<id>#RESEARCH_CONSENTS} / {@code <sub>}: a research export reads
 * the consenting patients from there (a Query, never a Scan) and nothing else; a withdrawal takes
 * the item off it. The index is eventually consistent, so readers check each consent again here.
 */
@Singleton
public final class ResearchConsents {
  static final String CONSENTING = "RESEARCH_CONSENTS";

  private final TenantTable<ResearchConsent> items;

  @Inject
  public ResearchConsents(SingleTable table) {
    this.items = table.tenantTable(ResearchConsent.SCHEMA);
  }

  static ItemKey key(String subject) {
    return ItemKey.of("PATIENT#" + subject, "RESEARCH_CONSENT");
  }

  /** The consent of {@code subject} in the acting tenant, strongly consistent, with its version. */
  public Optional<Stored> find(TenantContext tenant, String subject) {
    return items.get(tenant, key(subject)).map(item -> new Stored(item.version(), item.record()));
  }

  /** Writes the consent on {@code expectedVersion} (0: new); returns the new version. */
  public long save(TenantContext tenant, ResearchConsent consent, long expectedVersion) {
    return consent.given()
        ? items.putVersioned(
            tenant,
            key(consent.subject()),
            consent,
            expectedVersion,
            IndexKey.of(IndexKey.Index.GSI1, CONSENTING, consent.subject()))
        : items.putVersioned(tenant, key(consent.subject()), consent, expectedVersion);
  }

  /**
   * One page of the patients whose consent the index shows as given, in subject order (no meaning,
   * just stable); each must be checked with {@link #find} before it is used.
   */
  public Page consenting(TenantContext tenant, int limit, Optional<String> cursor) {
    ItemPage<ResearchConsent> page =
        items.query(
            tenant,
            ItemQuery.partition(CONSENTING)
                .onIndex(IndexKey.Index.GSI1)
                .limit(limit)
                .after(cursor));
    return new Page(
        page.records().stream().map(ResearchConsent::subject).toList(), page.nextCursor());
  }

  /** A consent as read, with the version a change must be conditioned on. */
  public record Stored(long version, ResearchConsent consent) {}

  /** Subjects of one page and the cursor of the next. */
  public record Page(List<String> subjects, Optional<String> nextCursor) {}
}
