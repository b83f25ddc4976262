package com.dermrelay.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.core.http.ApiProblem;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditLogSearchTest {
  private static AuditLogSearch parse(Map<String, String> query) {
    return AuditLogSearch.fromQuery(name -> Optional.ofNullable(query.get(name)));
  }

  private static String refusal(Map<String, String> query) {
    ApiProblem problem = assertThrows(ApiProblem.class, () -> parse(query));
    assertEquals(400, problem.status());
    return problem.detail();
  }

  @Test
  void filtersAreReadWithTheirDefaults() {
    AuditLogSearch search =
        parse(
            Map.of(
                "patient",
                "3f2a-77",
                "action",
                "access.GET /clinics/{tenantId}/settings",
                "from",
                "2026-11-01T10:00:00+01:00",
                "to",
                "2026-11-02T00:00:00Z"));
    assertEquals(Optional.of("3f2a-77"), search.patient());
    assertEquals(Optional.of(Instant.parse("2026-11-01T09:00:00Z")), search.from());
    assertEquals(AuditLogSearch.DEFAULT_LIMIT, search.limit());
    assertEquals(Optional.empty(), search.cursor());
  }

  @Test
  void eachBadFilterIsNamedWithoutQuotingIt() {
    assertTrue(refusal(Map.of("from", "yesterday")).contains("'from'"));
    assertTrue(refusal(Map.of("to", "2026-13-01T00:00:00Z")).contains("'to'"));
    assertTrue(
        refusal(Map.of("from", "2026-11-02T00:00:00Z", "to", "2026-11-01T00:00:00Z"))
            .contains("'from'"));
    assertTrue(refusal(Map.of("limit", "0")).contains("'limit'"));
    assertTrue(refusal(Map.of("limit", "101")).contains("'limit'"));
    assertTrue(refusal(Map.of("limit", "ten")).contains("'limit'"));
    String detail = refusal(Map.of("patient", "TENANT#other#x"));
    assertTrue(detail.contains("'patient'") && !detail.contains("TENANT#other"), detail);
    assertTrue(refusal(Map.of("user", "a b")).contains("'user'"));
  }
}
