package com.dermrelay.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiSpecTest {

  @TempDir Path dir;

  @Test
  void readsEveryOperationOfTheRepositoryContractWithItsHandler() {
    ApiSpec spec = ApiSpec.load(SourcePaths.locate().openApiSpec());
    assertTrue(spec.operations().stream().anyMatch(op -> op.routeKey().equals("GET /health")));
    assertTrue(spec.operations().stream().anyMatch(op -> op.routeKey().equals("GET /me")));
    spec.operations()
        .forEach(op -> assertTrue(op.handler().startsWith("com.dermrelay."), op.toString()));
  }

  @Test
  void anEmptySecurityListMakesAnOperationPublicAndTheDocumentDefaultProtectsTheRest()
      throws IOException {
    ApiSpec spec =
        ApiSpec.load(
            write(
                """
        openapi: 3.1.0
        security:
          - cognito: []
        paths:
          /health:
            get: {operationId: getHealth, security: [], x-handler: a.HealthHandler}
          /cases/{caseId}:
            parameters: [{name: caseId, in: path, required: true}]
            get: {operationId: getCase, x-handler: a.CaseHandler}
            put: {operationId: putCase, x-handler: a.CaseHandler}
        """));
    assertEquals(
        List.of("GET /health", "GET /cases/{caseId}", "PUT /cases/{caseId}"),
        spec.operations().stream().map(ApiOperation::routeKey).toList());
    assertTrue(spec.operations().get(0).isPublic());
    assertFalse(spec.operations().get(1).isPublic());
    assertEquals(List.of("a.HealthHandler", "a.CaseHandler"), spec.handlers());
  }

  @Test
  void anOperationWithoutHandlerFailsNamingIt() throws IOException {
    Path file =
        write(
            """
        openapi: 3.1.0
        paths:
          /orphan:
            post: {operationId: postOrphan}
        """);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> ApiSpec.load(file));
    assertTrue(
        e.getMessage().contains("POST /orphan") && e.getMessage().contains("x-handler"),
        e.getMessage());
  }

  @Test
  void aMissingContractFailsClearly() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> ApiSpec.load(dir.resolve("nope.yaml")));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("openapi.yaml"), yaml);
  }
}
