/**
 * The local Cognito user pool: {@link com.dermrelay.local.identity.IdentityService} holds users,
 * groups, codes and signs RS256 tokens shaped like Cognito's; {@link
 * com.dermrelay.local.identity.LocalIdentityServer} answers Cognito's AWS JSON 1.1 protocol, CORS,
 * JWKS and OpenID discovery over HTTP. Seeding, e.g.:
 *
 * <pre>{@code
 * LocalIdentityServer server =
 *     LocalIdentityServer.start(IdentityConfig.builder().dataDir(dir).build(), outbox::deliver);
 * server.identity().createConfirmedUser(
 *     "derm@demo.test", "Demo-Pass-1", Map.of("custom:tenantId", "t-demo"), Set.of("dermatologist"));
 * }</pre>
 *
 * <p>{@code internal} is not API: its classes are public only so the two packages can share them.
 */
package com.dermrelay.local.identity;
