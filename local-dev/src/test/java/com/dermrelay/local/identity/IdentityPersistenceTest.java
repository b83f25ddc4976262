package com.dermrelay.local.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pool with a data directory survives a restart: users, groups, refresh tokens and the key. */
class IdentityPersistenceTest {
  private static final String PASSWORD = "Sunny-Day-42";

  @TempDir Path dataDir;

  @Test
  void tokensUsersAndCodesOutliveARestart() throws Exception {
    // Port 0 gives each start a new port: the advertised URL keeps the issuer the same.
    IdentityConfig config =
        IdentityConfig.builder()
            .dataDir(dataDir)
            .advertisedBaseUrl("http://identity.localtest:9229")
            .build();
    AuthTokens before;
    String pendingCode;
    try (LocalIdentityServer first =
        LocalIdentityServer.start(config, "127.0.0.1", 0, CodeDelivery.NONE)) {
      first
          .identity()
          .createConfirmedUser(
              "lee@example.org", PASSWORD, Map.of("custom:tenantId", "t-south"), Set.of("patient"));
      first.identity().signUp("pending@example.org", PASSWORD, Map.of());
      pendingCode = first.identity().lastConfirmationCode("pending@example.org").orElseThrow();
      before = first.identity().signIn("lee@example.org", PASSWORD);
    }

    try (LocalIdentityServer second =
        LocalIdentityServer.start(config, "127.0.0.1", 0, CodeDelivery.NONE)) {
      String jwks = second.url() + "/" + second.userPoolId() + "/.well-known/jwks.json";
      JWTClaimsSet claims = CognitoClients.verify(jwks, second.issuer(), before.idToken(), "id");
      assertEquals("t-south", claims.getStringClaim("custom:tenantId"));
      assertEquals(List.of("patient"), claims.getStringListClaim("cognito:groups"));

      AuthTokens refreshed = second.identity().refresh(before.refreshToken());
      assertNotNull(
          CognitoClients.verify(jwks, second.issuer(), refreshed.accessToken(), "access"));
      assertNotNull(second.identity().signIn("lee@example.org", PASSWORD).idToken());

      assertEquals(
          pendingCode, second.identity().lastConfirmationCode("pending@example.org").orElseThrow());
      second.identity().confirmSignUp("pending@example.org", pendingCode);
      assertNotNull(second.identity().signIn("pending@example.org", PASSWORD).idToken());
    }
  }

  @Test
  void withoutADataDirectoryEachStartHasAFreshKeyAndNoUsers() throws Exception {
    IdentityConfig config =
        IdentityConfig.builder().advertisedBaseUrl("http://identity.localtest:9229").build();
    AuthTokens before;
    try (LocalIdentityServer first =
        LocalIdentityServer.start(config, "127.0.0.1", 0, CodeDelivery.NONE)) {
      first.identity().createConfirmedUser("lee@example.org", PASSWORD, Map.of(), Set.of());
      before = first.identity().signIn("lee@example.org", PASSWORD);
    }
    try (LocalIdentityServer second =
        LocalIdentityServer.start(config, "127.0.0.1", 0, CodeDelivery.NONE)) {
      String jwks = second.url() + "/" + second.userPoolId() + "/.well-known/jwks.json";
      assertThrows(
          BadJOSEException.class,
          () -> CognitoClients.verify(jwks, second.issuer(), before.idToken(), "id"));
      IdentityException refused =
          assertThrows(
              IdentityException.class, () -> second.identity().signIn("lee@example.org", PASSWORD));
      assertEquals(IdentityException.NOT_AUTHORIZED, refused.type());
    }
  }

  @Test
  void filesHoldNoPlaintextSecrets() throws Exception {
    IdentityConfig config = IdentityConfig.builder().dataDir(dataDir).build();
    AuthTokens tokens;
    try (LocalIdentityServer server =
        LocalIdentityServer.start(config, "127.0.0.1", 0, CodeDelivery.NONE)) {
      server.identity().createConfirmedUser("max@example.org", PASSWORD, Map.of(), Set.of());
      tokens = server.identity().signIn("max@example.org", PASSWORD);
    }
    List<String> names;
    try (Stream<Path> files = Files.list(dataDir)) {
      List<Path> all = files.toList();
      names = all.stream().map(p -> p.getFileName().toString()).sorted().toList();
      for (Path file : all) {
        String content = Files.readString(file);
        assertFalse(content.contains(PASSWORD), file + " holds the password");
        assertFalse(content.contains(tokens.refreshToken()), file + " holds the refresh token");
      }
    }
    assertEquals(
        List.of("refresh-tokens.json", "signing-key.json", "users.json"),
        names,
        "no temp files left");
    assertTrue(Files.readString(dataDir.resolve("users.json")).contains("pbkdf2-sha256$"));
    assertNotEquals(-1, Files.readString(dataDir.resolve("signing-key.json")).indexOf("\"d\""));
  }
}
