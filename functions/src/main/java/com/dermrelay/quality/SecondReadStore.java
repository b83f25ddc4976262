package com.dermrelay.quality;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.data.IndexKey;
import com.dermrelay.core.data.ItemKey;
import com.dermrelay.core.data.ItemQuery;
import com.dermrelay.core.data.SingleTable;
import com.dermrelay.core.data.StoredItem;
import com.dermrelay.core.data.TenantTable;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * Second-read items in the table, {@code TENANT#<id>#CASE#<caseId>} / {@code SECOND_READ#<round>}.
 * While one is OPEN it is on its clinic's open list, {@code gsi1}: {@code
 * TENANT#<id>#SECOND_READS#OPEN} / {@code <offeredAt>#<caseId>#<round>}, so one Query per clinic
 * reads the oldest first, however many cases the clinic has. While one is flagged (an unsafe
 * disagreement) it is on {@code gsi2}: {@code TENANT#<id>#SECOND_READS#FLAGGED} / {@code
 * <comparedAt>#<caseId>#<round>}. Every change is one conditional write on the version.
 */
@Singleton
public final class SecondReadStore {
  static final String OPEN_LIST = "SECOND_READS#OPEN";
  static final String FLAGGED_LIST = "SECOND_READS#FLAGGED";

  private final TenantTable<SecondRead> items;

  @Inject
  public SecondReadStore(SingleTable table) {
    this.items = table.tenantTable(SCHEMA);
  }

  static ItemKey key(String caseId, int round) {
    return ItemKey.of("CASE#" + caseId, "SECOND_READ#" + round);
  }

  public Optional<Stored> find(TenantContext tenant, String caseId, int round) {
    return items.get(tenant, key(caseId, round)).map(SecondReadStore::stored);
  }

  /** Keeps the round's decision unless one is kept already; returns the one that stands. */
  public Stored decide(TenantContext tenant, SecondRead decision) {
    items.putIfAbsent(tenant, key(decision.caseId(), decision.round()), decision);
    return find(tenant, decision.caseId(), decision.round())
        .orElseThrow(() -> new IllegalStateException("the decision was just written"));
  }

  /**
   * Writes the item on {@code expectedVersion} and returns the new version.
   *
   * @throws com.dermrelay.core.data.VersionConflictException if another write came first
   */
  public long save(TenantContext tenant, SecondRead read, long expectedVersion) {
    IndexKey[] indexes =
        SecondRead.OPEN.equals(read.status())
            ? new IndexKey[] {
              IndexKey.of(
                  IndexKey.Index.GSI1,
                  OPEN_LIST,
                  read.offeredAt() + "#" + read.caseId() + "#" + read.round())
            }
            : read.flagOpen()
                ? new IndexKey[] {
                  IndexKey.of(
                      IndexKey.Index.GSI2,
                      FLAGGED_LIST,
                      read.comparison().comparedAt() + "#" + read.caseId() + "#" + read.round())
                }
                : new IndexKey[0];
    return items.putVersioned(
        tenant, key(read.caseId(), read.round()), read, expectedVersion, indexes);
  }

  /** The clinic's open second reads, oldest offered first: one Query, {@code limit} at most. */
  public List<Stored> open(TenantContext tenant, int limit) {
    return items
        .query(tenant, ItemQuery.partition(OPEN_LIST).onIndex(IndexKey.Index.GSI1).limit(limit))
        .items()
        .stream()
        .map(SecondReadStore::stored)
        .toList();
  }

  /**
   * The clinic's flagged rounds not yet dealt with, oldest flagged first: one Query, {@code limit}
   * at most.
   */
  public List<Stored> flagged(TenantContext tenant, int limit) {
    return items
        .query(tenant, ItemQuery.partition(FLAGGED_LIST).onIndex(IndexKey.Index.GSI2).limit(limit))
        .items()
        .stream()
        .map(SecondReadStore::stored)
        .toList();
  }

  /** A second-read item as read, with the version a change must be conditioned on. */
  public record Stored(long version, SecondRead read) {}

  private static Stored stored(StoredItem<SecondRead> item) {
    return new Stored(item.version(), item.record());
  }

  /** The item's attributes (docs/data-model.md); built from lambdas, no reflection (0018). */
  static final TableSchema<SecondRead> SCHEMA =
      StaticImmutableTableSchema.builder(SecondRead.class, Builder.class)
          .newItemBuilder(Builder::new, Builder::build)
          .addAttribute(
              String.class, a -> a.name("type").getter(r -> "SECOND_READ").setter((b, v) -> {}))
          .addAttribute(
              String.class,
              a -> a.name("caseId").getter(SecondRead::caseId).setter((b, v) -> b.caseId = v))
          .addAttribute(
              Integer.class,
              a -> a.name("round").getter(SecondRead::round).setter((b, v) -> b.round = v))
          .addAttribute(
              String.class,
              a -> a.name("status").getter(SecondRead::status).setter((b, v) -> b.status = v))
          .addAttribute(
              Double.class,
              a -> a.name("draw").getter(SecondRead::draw).setter((b, v) -> b.draw = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("reasons")
                      .getter(r -> String.join(",", r.reasons()))
                      .setter((b, v) -> b.reasons = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("firstReaderId")
                      .getter(SecondRead::firstReaderId)
                      .setter((b, v) -> b.firstReaderId = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("decidedAt")
                      .getter(SecondRead::decidedAt)
                      .setter((b, v) -> b.decidedAt = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("taskToken")
                      .getter(SecondRead::taskToken)
                      .setter((b, v) -> b.taskToken = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("offeredAt")
                      .getter(SecondRead::offeredAt)
                      .setter((b, v) -> b.offeredAt = v))
          .addAttribute(
              String.class,
              a -> a.name("endedAt").getter(SecondRead::endedAt).setter((b, v) -> b.endedAt = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("secondReaderId")
                      .getter(r -> r.secondRead() == null ? null : r.secondRead().readerId())
                      .setter((b, v) -> b.secondReaderId = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("secondDiagnosisCode")
                      .getter(r -> r.secondRead() == null ? null : r.secondRead().diagnosisCode())
                      .setter((b, v) -> b.secondDiagnosisCode = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("secondManagement")
                      .getter(r -> r.secondRead() == null ? null : r.secondRead().management())
                      .setter((b, v) -> b.secondManagement = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("secondReadAt")
                      .getter(r -> r.secondRead() == null ? null : r.secondRead().readAt())
                      .setter((b, v) -> b.secondReadAt = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("firstDiagnosisCode")
                      .getter(
                          r -> r.comparison() == null ? null : r.comparison().firstDiagnosisCode())
                      .setter((b, v) -> b.firstDiagnosisCode = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("firstManagement")
                      .getter(r -> r.comparison() == null ? null : r.comparison().firstManagement())
                      .setter((b, v) -> b.firstManagement = v))
          .addAttribute(
              Boolean.class,
              a ->
                  a.name("diagnosisAgrees")
                      .getter(r -> r.comparison() == null ? null : r.comparison().diagnosisAgrees())
                      .setter((b, v) -> b.diagnosisAgrees = v))
          .addAttribute(
              Boolean.class,
              a ->
                  a.name("managementAgrees")
                      .getter(
                          r -> r.comparison() == null ? null : r.comparison().managementAgrees())
                      .setter((b, v) -> b.managementAgrees = v))
          .addAttribute(
              Boolean.class,
              a ->
                  a.name("unsafe")
                      .getter(r -> r.comparison() == null ? null : r.comparison().unsafe())
                      .setter((b, v) -> b.unsafe = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("comparedAt")
                      .getter(r -> r.comparison() == null ? null : r.comparison().comparedAt())
                      .setter((b, v) -> b.comparedAt = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("resolution")
                      .getter(r -> r.resolution() == null ? null : r.resolution().outcome())
                      .setter((b, v) -> b.resolution = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("resolvedBy")
                      .getter(r -> r.resolution() == null ? null : r.resolution().resolvedBy())
                      .setter((b, v) -> b.resolvedBy = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("resolvedByName")
                      .getter(r -> r.resolution() == null ? null : r.resolution().resolvedByName())
                      .setter((b, v) -> b.resolvedByName = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("resolvedRole")
                      .getter(r -> r.resolution() == null ? null : r.resolution().role())
                      .setter((b, v) -> b.resolvedRole = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("resolvedAt")
                      .getter(r -> r.resolution() == null ? null : r.resolution().resolvedAt())
                      .setter((b, v) -> b.resolvedAt = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("resolutionReason")
                      .getter(r -> r.resolution() == null ? null : r.resolution().reason())
                      .setter((b, v) -> b.resolutionReason = v))
          .addAttribute(
              Integer.class,
              a ->
                  a.name("resolvedAnswerVersion")
                      .getter(r -> r.resolution() == null ? null : r.resolution().answerVersion())
                      .setter((b, v) -> b.resolvedAnswerVersion = v))
          .build();

  private static final class Builder {
    String caseId;
    Integer round;
    String status;
    Double draw;
    String reasons;
    String firstReaderId;
    String decidedAt;
    String taskToken;
    String offeredAt;
    String endedAt;
    String secondReaderId;
    String secondDiagnosisCode;
    String secondManagement;
    String secondReadAt;
    String firstDiagnosisCode;
    String firstManagement;
    Boolean diagnosisAgrees;
    Boolean managementAgrees;
    Boolean unsafe;
    String comparedAt;
    String resolution;
    String resolvedBy;
    String resolvedByName;
    String resolvedRole;
    String resolvedAt;
    String resolutionReason;
    Integer resolvedAnswerVersion;

    SecondRead build() {
      List<String> reasonList =
          reasons == null || reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split(","));
      return new SecondRead(
          caseId,
          round == null ? 0 : round,
          status,
          draw == null ? 0 : draw,
          reasonList,
          firstReaderId,
          decidedAt,
          taskToken,
          offeredAt,
          endedAt,
          secondReaderId == null
              ? null
              : new SecondRead.Read(
                  secondReaderId, secondDiagnosisCode, secondManagement, secondReadAt),
          comparedAt == null
              ? null
              : new SecondRead.Comparison(
                  firstDiagnosisCode,
                  firstManagement,
                  Boolean.TRUE.equals(diagnosisAgrees),
                  Boolean.TRUE.equals(managementAgrees),
                  Boolean.TRUE.equals(unsafe),
                  comparedAt),
          resolution == null
              ? null
              : new SecondRead.Resolution(
                  resolution,
                  resolvedBy,
                  resolvedByName,
                  resolvedRole,
                  resolvedAt,
                  resolutionReason,
                  resolvedAnswerVersion == null ? 1 : resolvedAnswerVersion));
    }
  }
}
