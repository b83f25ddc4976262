package com.dermrelay.quality.figures;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.auth.Role;
import com.dermrelay.core.data.ItemKey;
import com.dermrelay.core.data.ItemPage;
import com.dermrelay.core.data.ItemQuery;
import com.dermrelay.core.data.SingleTable;
import com.dermrelay.core.data.StoredItem;
import com.dermrelay.core.data.TenantTable;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ProblemTypes;
import com.dermrelay.core.tenancy.ClinicMembers;
import com.dermrelay.core.tenancy.Membership;
import com.dermrelay.core.tenancy.MembershipItem;
import com.dermrelay.core.tenancy.TenantDirectory;
import com.dermrelay.core.tenancy.TenantKeys;
import com.dermrelay.quality.DiagnosisGroups;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.inject.Inject;

/**
 * A clinic's quality figures over whole months (getClinicQuality), for its admins, its medical
 * leads and the platform operator: per clinic and per reader, split by skin-type group. The cost
 * does not grow with the cases: one Query of the period's counter items (the clinic's month items
 * and its readers', adjacent in the {@code QUALITY} partition, 1 MB a page) and one of the members
 * for the readers' names. Counts only, no patient or case, so the read is not audited.
 */
public final class GetClinicQuality {
  public static final int MAX_MONTHS = 24;
  public static final int DEFAULT_MONTHS = 12;
  private static final Pattern MONTH = Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])");

  private final TenantTable<QualityCounts> counters;
  private final TenantTable<MembershipItem> members;
  private final ClinicMembers team;
  private final List<String> diagnosisGroups;

  @Inject
  public GetClinicQuality(SingleTable table, ClinicMembers team, DiagnosisGroups groups) {
    this.diagnosisGroups = groups.all().stream().map(DiagnosisGroups.Group::code).toList();
    this.counters = table.tenantTable(QualityCounts.schema(QualityCounts.names(diagnosisGroups)));
    this.members = table.tenantTable(MembershipItem.SCHEMA);
    this.team = team;
  }

  /** A period of whole months, {@code from} to {@code to} inclusive. */
  public record Period(YearMonth from, YearMonth to) {}

  /** One month's answers, for the chart of answer times by month. */
  public record Month(String month, QualityFigures.Times submissionToAnswer) {}

  /** One reader's figures; {@code name} as the clinic's team list shows it, absent if unknown. */
  public record Reader(
      String readerId, String name, List<QualityFigures.GroupFigures> bySkinType) {}

  /** The answer: the clinic's figures, its months, and each reader's (by name). */
  public record Quality(
      String from,
      String to,
      int minimumCasesForConcordance,
      List<QualityFigures.GroupFigures> bySkinType,
      List<Month> months,
      List<Reader> readers) {}

  public Quality run(TenantContext tenant, Period period) {
    if (tenant.actsAs(Role.DERMATOLOGIST) && !medicalLead(tenant)) {
      throw new ApiProblem(
          403, "about:blank", "Forbidden", "Only the clinic's medical leads see its figures.");
    }
    Map<YearMonth, QualityCounts> clinic = new TreeMap<>();
    Map<String, List<QualityCounts>> readers = new TreeMap<>();
    ItemQuery query =
        ItemQuery.partition(QualityEvents.COUNTERS)
            .sortBetween(
                QualityEvents.MONTH_PREFIX + period.from(),
                QualityEvents.MONTH_PREFIX + period.to() + "#~")
            .limit(1000);
    Optional<String> cursor = Optional.empty();
    do {
      ItemPage<QualityCounts> page = counters.query(tenant, query.after(cursor));
      for (StoredItem<QualityCounts> item : page.items()) {
        String rest = item.sort().substring(QualityEvents.MONTH_PREFIX.length());
        YearMonth month = YearMonth.parse(rest.substring(0, 7));
        String what = rest.substring(7);
        if (what.equals(QualityEvents.CLINIC)) {
          clinic.put(month, item.record());
        } else if (what.startsWith(QualityEvents.READER)) {
          readers
              .computeIfAbsent(
                  what.substring(QualityEvents.READER.length()), r -> new ArrayList<>())
              .add(item.record());
        }
      }
      cursor = page.nextCursor();
    } while (cursor.isPresent());

    List<Month> months = new ArrayList<>();
    for (YearMonth m = period.from(); !m.isAfter(period.to()); m = m.plusMonths(1)) {
      QualityCounts counts = clinic.get(m);
      months.add(
          new Month(
              m.toString(),
              QualityFigures.submissionToAnswer(counts == null ? List.of() : List.of(counts))));
    }
    Map<String, String> names = readers.isEmpty() ? Map.of() : readerNames(tenant);
    List<Reader> shown = new ArrayList<>();
    for (Map.Entry<String, List<QualityCounts>> reader : readers.entrySet()) {
      shown.add(
          new Reader(
              reader.getKey(),
              names.get(reader.getKey()),
              QualityFigures.of(reader.getValue(), diagnosisGroups)));
    }
    return new Quality(
        period.from().toString(),
        period.to().toString(),
        com.dermrelay.quality.Concordance.MINIMUM_CASES,
        QualityFigures.of(clinic.values(), diagnosisGroups),
        months,
        shown);
  }

  private boolean medicalLead(TenantContext tenant) {
    return members
        .get(tenant, ItemKey.inTenant(TenantKeys.MEMBER_PREFIX + tenant.subject()))
        .filter(item -> item.record().isMedicalLead())
        .map(TenantDirectory::membership)
        .filter(Membership::active)
        .isPresent();
  }

  /** The display names of the clinic's members, removed ones included (their figures stay). */
  private Map<String, String> readerNames(TenantContext tenant) {
    Map<String, String> names = new HashMap<>();
    for (StoredItem<MembershipItem> item : team.all(tenant)) {
      Membership member = TenantDirectory.membership(item);
      if (!member.subject().isEmpty() && !member.displayName().isEmpty()) {
        names.put(member.subject(), member.displayName());
      }
    }
    return names;
  }

  /**
   * The period from the {@code from} and {@code to} parameters ({@code yyyy-MM}): by default the
   * {@value #DEFAULT_MONTHS} months up to the current one; at most {@value #MAX_MONTHS} months, not
   * after the current month. A bad value is refused naming its parameter.
   */
  public static Period period(Optional<String> from, Optional<String> to, java.time.Instant now) {
    YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC));
    YearMonth end = to.map(v -> month(v, "to")).orElse(current);
    YearMonth start = from.map(v -> month(v, "from")).orElse(end.minusMonths(DEFAULT_MONTHS - 1L));
    if (end.isAfter(current)) {
      throw bad("to", "a month not after the current one");
    }
    if (start.isAfter(end)) {
      throw bad("from", "a month not after 'to'");
    }
    if (start.plusMonths(MAX_MONTHS).isBefore(end.plusMonths(1))) {
      throw bad("from", "at most " + MAX_MONTHS + " months before 'to', both included");
    }
    return new Period(start, end);
  }

  private static YearMonth month(String value, String parameter) {
    if (!MONTH.matcher(value).matches()) {
      throw bad(parameter, "a month as yyyy-MM");
    }
    return YearMonth.parse(value);
  }

  private static ApiProblem bad(String parameter, String rule) {
    return new ApiProblem(
        400,
        ProblemTypes.INVALID_REQUEST,
        "Bad Request",
        "Parameter '" + parameter + "' must be " + rule + ".",
        List.of(new ApiProblem.FieldError("/" + parameter, rule)));
  }
}
