package com.dermrelay.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteTableTest {
  private final RouteTable routes = GatewayFixture.routes();

  private RouteMatch.Found found(String method, String path) {
    return assertInstanceOf(RouteMatch.Found.class, routes.match(method, path));
  }

  @Test
  void matchesTemplatesAndDecodesPathParameters() {
    RouteMatch.Found match = found("GET", "/clinics/acme%20skin/cases/c%2F42");
    assertEquals("GET /clinics/{tenantId}/cases/{caseId}", match.route().routeKey());
    assertEquals(Map.of("tenantId", "acme skin", "caseId", "c/42"), match.pathParameters());
  }

  @Test
  void aLiteralSegmentBeatsATemplateOnTheSamePath() {
    RouteMatch.Found match = found("GET", "/clinics/acme/cases/summary");
    assertEquals("getCaseSummary", match.route().operationId());
    assertEquals(Map.of("tenantId", "acme"), match.pathParameters());
    assertEquals("getCase", found("GET", "/clinics/acme/cases/summary2").route().operationId());
  }

  @Test
  void aLiteralPathWinsWhicheverOrderTheDocumentListsIt() {
    List<Route> list =
        List.of(
            new Route("GET", "/a/{x}", "param", "H", false, List.of()),
            new Route("GET", "/{y}/b", "leftParam", "H", false, List.of()),
            new Route("GET", "/a/b", "literal", "H", false, List.of()));
    RouteTable table = new RouteTable(list);
    assertEquals("literal", ((RouteMatch.Found) table.match("GET", "/a/b")).route().operationId());
    assertEquals("param", ((RouteMatch.Found) table.match("GET", "/a/c")).route().operationId());
    assertEquals(
        "leftParam", ((RouteMatch.Found) table.match("GET", "/z/b")).route().operationId());
  }

  @Test
  void aGreedyParameterTakesTheRestOfThePathButLosesToAnythingMoreSpecific() {
    RouteMatch.Found match = found("GET", "/public/files/a/b%20c.txt");
    assertEquals("getFile", match.route().operationId());
    assertEquals(Map.of("path", "a/b c.txt"), match.pathParameters());
    assertInstanceOf(RouteMatch.NotFound.class, routes.match("GET", "/public/files"));
  }

  @Test
  void knownPathWithAnotherMethodListsTheAllowedOnes() {
    RouteMatch.MethodNotAllowed match =
        assertInstanceOf(
            RouteMatch.MethodNotAllowed.class, routes.match("DELETE", "/clinics/acme/cases"));
    assertEquals(Set.of("GET", "POST"), match.allowed());
  }

  @Test
  void unknownPathsAndTrailingSlashesAreNotFound() {
    assertInstanceOf(RouteMatch.NotFound.class, routes.match("GET", "/nowhere"));
    assertInstanceOf(RouteMatch.NotFound.class, routes.match("GET", "/health/"));
    assertInstanceOf(RouteMatch.NotFound.class, routes.match("GET", "/clinics//cases"));
    assertInstanceOf(RouteMatch.NotFound.class, routes.match("GET", "/"));
  }

  @Test
  void brokenPercentEncodingIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> routes.match("GET", "/clinics/%zz/cases"));
  }

  @Test
  void effectiveSecurityDecidesWhetherARouteNeedsAJwt() {
    assertFalse(found("GET", "/health").route().requiresJwt(), "security: [] is public");
    Route listCases = found("GET", "/clinics/acme/cases").route();
    assertTrue(listCases.requiresJwt(), "the document default applies");
    assertEquals(List.of(), listCases.scopes());
    assertEquals(List.of("dermrelay/reports.read"), found("GET", "/reports").route().scopes());
    assertEquals("com.dermrelay.local.gateway.RecordingHandler", listCases.handlerClass());
  }

  private static RouteTable parse(String yaml) throws Exception {
    return OpenApiRoutes.fromYaml(
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "inline.yaml");
  }

  @Test
  void anOperationWithoutAHandlerIsAClearError() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> parse("paths:\n  /x:\n    get:\n      operationId: getX\n"));
    assertEquals("inline.yaml: GET /x: missing 'x-handler'", error.getMessage());
  }

  @Test
  void anUndeclaredSecuritySchemeIsAClearError() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                parse(
                    "paths:\n  /x:\n    get:\n      operationId: getX\n      x-handler: H\n"
                        + "      security:\n        - oauth: []\n"));
    assertTrue(error.getMessage().contains("'oauth' is not declared"), error.getMessage());
  }

  @Test
  void withoutAnySecurityARouteIsPublicAndPathLevelKeysAreIgnored() throws Exception {
    RouteTable table =
        parse(
            "paths:\n  /x/{id}:\n    parameters:\n      - name: id\n        in: path\n"
                + "    get:\n      operationId: getX\n      x-handler: H\n");
    Route route = table.routes().get(0);
    assertFalse(route.requiresJwt());
    assertEquals(1, table.routes().size());
  }

  @Test
  void aParameterMustBeAWholeSegment() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new RouteTable(
                List.of(new Route("GET", "/files/{name}.txt", "f", "H", false, List.of()))));
  }

  @Test
  void loadsFromTheClasspathAndNamesAMissingResource() {
    assertEquals(
        routes.routes(), OpenApiRoutes.fromClasspath("gateway/test-openapi.yaml").routes());
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class, () -> OpenApiRoutes.fromClasspath("nope/openapi.yaml"));
    assertTrue(error.getMessage().contains("nope/openapi.yaml"));
  }
}
