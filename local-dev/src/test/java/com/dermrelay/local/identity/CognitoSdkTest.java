package com.dermrelay.local.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotConfirmedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * The user pool through the real AWS SDK v2 client, as the portal's and functions' code uses it.
 */
class CognitoSdkTest {
  private static final String PASSWORD = "Sunny-Day-42";
  private static final String TENANT = "t-northclinic";

  private final List<CodeDelivery.Message> outbox = new CopyOnWriteArrayList<>();
  private LocalIdentityServer server;
  private CognitoIdentityProviderClient cognito;

  @BeforeEach
  void start() {
    IdentityConfig config =
        IdentityConfig.builder().groups(Set.of("patient", "dermatologist", "clinic-admin")).build();
    server = LocalIdentityServer.start(config, "127.0.0.1", 0, outbox::add);
    cognito = CognitoClients.sdk(server);
  }

  @AfterEach
  void stop() {
    cognito.close();
    server.close();
  }

  @Test
  void signUpConfirmAndSignInGiveTokensThatVerifyAgainstTheServedJwks() throws Exception {
    SignUpResponse signUp = signUp("ana@example.org", PASSWORD);
    assertFalse(signUp.userConfirmed());
    assertEquals("a***@e***", signUp.codeDeliveryDetails().destination());
    assertEquals(1, outbox.size());
    CodeDelivery.Message message = outbox.get(0);
    assertEquals(CodeDelivery.Purpose.SIGN_UP_CONFIRMATION, message.purpose());
    assertEquals("ana@example.org", message.email());
    assertTrue(message.secret().matches("\\d{6}"));
    assertEquals(
        message.secret(), server.identity().lastConfirmationCode("ana@example.org").orElseThrow());

    cognito.confirmSignUp(
        r ->
            r.clientId(server.clientId())
                .username("ana@example.org")
                .confirmationCode(message.secret()));
    server.identity().admin().addUserToGroup("ana@example.org", "patient");
    AuthenticationResultType result = signIn("ana@example.org", PASSWORD).authenticationResult();

    assertEquals(3600, result.expiresIn());
    assertEquals("Bearer", result.tokenType());
    assertNotNull(result.refreshToken());
    String discovery = server.issuer() + "/.well-known/openid-configuration";
    JWTClaimsSet id = CognitoClients.verify(discovery, result.idToken(), "id");
    assertEquals(signUp.userSub(), id.getSubject());
    assertEquals(List.of(server.clientId()), id.getAudience());
    assertEquals("http://127.0.0.1:" + server.port() + "/us-east-1_DermRelayLocal", id.getIssuer());
    assertEquals(List.of("patient"), id.getStringListClaim("cognito:groups"));
    assertEquals(TENANT, id.getStringClaim("custom:tenantId"));
    assertEquals("ana@example.org", id.getStringClaim("email"));
    assertEquals(Boolean.TRUE, id.getBooleanClaim("email_verified"));
    assertEquals("ana@example.org", id.getStringClaim("cognito:username"));
    assertEquals(3600, (id.getExpirationTime().getTime() - id.getIssueTime().getTime()) / 1000);
    assertTrue(id.getExpirationTime().getTime() > System.currentTimeMillis());

    JWTClaimsSet access = CognitoClients.verify(discovery, result.accessToken(), "access");
    assertEquals(server.clientId(), access.getStringClaim("client_id"));
    assertTrue(access.getAudience().isEmpty());
    assertEquals("aws.cognito.signin.user.admin", access.getStringClaim("scope"));
    assertEquals(List.of("patient"), access.getStringListClaim("cognito:groups"));
    assertNull(
        access.getClaim("custom:tenantId"), "Cognito keeps custom attributes out of access tokens");
    assertEquals(id.getStringClaim("origin_jti"), access.getStringClaim("origin_jti"));

    Map<String, String> attributes =
        cognito.getUser(r -> r.accessToken(result.accessToken())).userAttributes().stream()
            .collect(Collectors.toMap(AttributeType::name, AttributeType::value));
    assertEquals(TENANT, attributes.get("custom:tenantId"));
    assertEquals(signUp.userSub(), attributes.get("sub"));
  }

  @Test
  void wrongPasswordAndUnknownUserAnswerTheSame() {
    server.identity().createConfirmedUser("ben@example.org", PASSWORD, Map.of(), Set.of());
    NotAuthorizedException wrongPassword =
        assertThrows(NotAuthorizedException.class, () -> signIn("ben@example.org", "Sunny-Day-43"));
    NotAuthorizedException unknownUser =
        assertThrows(NotAuthorizedException.class, () -> signIn("nobody@example.org", PASSWORD));
    assertEquals("Incorrect username or password.", wrongPassword.awsErrorDetails().errorMessage());
    assertEquals(
        wrongPassword.awsErrorDetails().errorMessage(),
        unknownUser.awsErrorDetails().errorMessage());
    assertEquals(400, unknownUser.statusCode());
  }

  @Test
  void weakPasswordIsRefusedAndNoUserIsCreated() {
    InvalidPasswordException refused =
        assertThrows(
            InvalidPasswordException.class, () -> signUp("cat@example.org", "sunnyday42!"));
    assertTrue(refused.awsErrorDetails().errorMessage().contains("uppercase"));
    assertThrows(
        UserNotFoundException.class,
        () ->
            cognito.adminGetUser(
                r -> r.userPoolId(server.userPoolId()).username("cat@example.org")));
    assertTrue(outbox.isEmpty());
  }

  @Test
  void wrongCodeIsRefusedAndAnUnconfirmedUserCannotSignIn() {
    signUp("dan@example.org", PASSWORD);
    String code = server.identity().lastConfirmationCode("dan@example.org").orElseThrow();
    String wrong = code.equals("000000") ? "111111" : "000000";
    assertThrows(
        CodeMismatchException.class,
        () ->
            cognito.confirmSignUp(
                r ->
                    r.clientId(server.clientId())
                        .username("dan@example.org")
                        .confirmationCode(wrong)));
    assertThrows(UserNotConfirmedException.class, () -> signIn("dan@example.org", PASSWORD));
    // The wrong password still answers NotAuthorized: being unconfirmed is told only to the owner.
    assertThrows(NotAuthorizedException.class, () -> signIn("dan@example.org", "Other-Pass-1"));

    cognito.resendConfirmationCode(r -> r.clientId(server.clientId()).username("dan@example.org"));
    String resent = server.identity().lastConfirmationCode("dan@example.org").orElseThrow();
    assertEquals(2, outbox.size());
    cognito.confirmSignUp(
        r -> r.clientId(server.clientId()).username("dan@example.org").confirmationCode(resent));
    assertNotNull(signIn("dan@example.org", PASSWORD).authenticationResult().idToken());
  }

  @Test
  void refreshGivesNewTokensWithTheCurrentGroups() throws Exception {
    server
        .identity()
        .createConfirmedUser(
            "eve@example.org",
            PASSWORD,
            Map.of("custom:tenantId", TENANT),
            Set.of("dermatologist", "clinic-admin"));
    AuthenticationResultType first = signIn("eve@example.org", PASSWORD).authenticationResult();
    cognito.adminRemoveUserFromGroup(
        r ->
            r.userPoolId(server.userPoolId())
                .username("eve@example.org")
                .groupName("clinic-admin"));

    AuthenticationResultType refreshed =
        cognito
            .initiateAuth(
                r ->
                    r.clientId(server.clientId())
                        .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                        .authParameters(Map.of("REFRESH_TOKEN", first.refreshToken())))
            .authenticationResult();

    assertNull(refreshed.refreshToken(), "Cognito hands out a refresh token only at sign-in");
    String discovery = server.issuer() + "/.well-known/openid-configuration";
    JWTClaimsSet before = CognitoClients.verify(discovery, first.idToken(), "id");
    JWTClaimsSet after = CognitoClients.verify(discovery, refreshed.idToken(), "id");
    assertEquals(
        List.of("clinic-admin", "dermatologist"), before.getStringListClaim("cognito:groups"));
    assertEquals(List.of("dermatologist"), after.getStringListClaim("cognito:groups"));
    assertEquals(before.getStringClaim("origin_jti"), after.getStringClaim("origin_jti"));
    assertNotEquals(before.getJWTID(), after.getJWTID());
    assertEquals(before.getLongClaim("auth_time"), after.getLongClaim("auth_time"));
    JWTClaimsSet access = CognitoClients.verify(discovery, refreshed.accessToken(), "access");
    assertEquals(List.of("dermatologist"), access.getStringListClaim("cognito:groups"));

    assertThrows(
        NotAuthorizedException.class,
        () ->
            cognito.initiateAuth(
                r ->
                    r.clientId(server.clientId())
                        .authFlow(AuthFlowType.REFRESH_TOKEN)
                        .authParameters(Map.of("REFRESH_TOKEN", first.refreshToken() + "x"))));
  }

  @Test
  void aDisabledUserCanNeitherSignInNorRefresh() {
    server.identity().createConfirmedUser("fay@example.org", PASSWORD, Map.of(), Set.of());
    String refreshToken = signIn("fay@example.org", PASSWORD).authenticationResult().refreshToken();
    cognito.adminDisableUser(r -> r.userPoolId(server.userPoolId()).username("fay@example.org"));

    NotAuthorizedException signIn =
        assertThrows(NotAuthorizedException.class, () -> signIn("fay@example.org", PASSWORD));
    assertEquals("User is disabled.", signIn.awsErrorDetails().errorMessage());
    assertThrows(
        NotAuthorizedException.class,
        () ->
            cognito.initiateAuth(
                r ->
                    r.clientId(server.clientId())
                        .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                        .authParameters(Map.of("REFRESH_TOKEN", refreshToken))));
    assertFalse(
        cognito
            .adminGetUser(r -> r.userPoolId(server.userPoolId()).username("fay@example.org"))
            .enabled());
  }

  @Test
  void adminCallsManageUsersThroughTheSdk() {
    String pool = server.userPoolId();
    cognito.adminCreateUser(
        r ->
            r.userPoolId(pool)
                .username("gus@example.org")
                .temporaryPassword("Temp-Pass-77")
                .messageAction(MessageActionType.SUPPRESS)
                .userAttributes(attr("email", "gus@example.org"), attr("custom:tenantId", TENANT)));
    assertTrue(outbox.isEmpty(), "SUPPRESS sends no invitation");
    assertEquals(
        UserStatusType.FORCE_CHANGE_PASSWORD,
        cognito.adminGetUser(r -> r.userPoolId(pool).username("gus@example.org")).userStatus());
    InitiateAuthResponse challenge = signIn("gus@example.org", "Temp-Pass-77");
    assertEquals(ChallengeNameType.NEW_PASSWORD_REQUIRED, challenge.challengeName());
    assertNull(challenge.authenticationResult());

    cognito.adminSetUserPassword(
        r -> r.userPoolId(pool).username("gus@example.org").password(PASSWORD).permanent(true));
    cognito.adminAddUserToGroup(
        r -> r.userPoolId(pool).username("gus@example.org").groupName("clinic-admin"));
    cognito.adminUpdateUserAttributes(
        r ->
            r.userPoolId(pool)
                .username("gus@example.org")
                .userAttributes(attr("name", "Gus Admin")));

    AdminGetUserResponse user =
        cognito.adminGetUser(r -> r.userPoolId(pool).username("gus@example.org"));
    assertEquals(UserStatusType.CONFIRMED, user.userStatus());
    Map<String, String> attributes =
        user.userAttributes().stream()
            .collect(Collectors.toMap(AttributeType::name, AttributeType::value));
    assertEquals("Gus Admin", attributes.get("name"));
    assertEquals(TENANT, attributes.get("custom:tenantId"));
    assertNotNull(user.userCreateDate());
    assertEquals(
        List.of("clinic-admin"),
        cognito
            .adminListGroupsForUser(r -> r.userPoolId(pool).username("gus@example.org"))
            .groups()
            .stream()
            .map(GroupType::groupName)
            .collect(Collectors.toList()));
    assertNotNull(signIn("gus@example.org", PASSWORD).authenticationResult().accessToken());

    server.identity().createConfirmedUser("hal@example.org", PASSWORD, Map.of(), Set.of());
    List<String> found =
        cognito
            .listUsers(r -> r.userPoolId(pool).filter("email = \"gus@example.org\""))
            .users()
            .stream()
            .map(u -> u.username())
            .collect(Collectors.toList());
    assertEquals(List.of("gus@example.org"), found);

    cognito.adminDeleteUser(r -> r.userPoolId(pool).username("gus@example.org"));
    assertThrows(
        UserNotFoundException.class,
        () -> cognito.adminGetUser(r -> r.userPoolId(pool).username("gus@example.org")));
    assertThrows(
        ResourceNotFoundException.class,
        () ->
            cognito.adminAddUserToGroup(
                r -> r.userPoolId(pool).username("hal@example.org").groupName("no-such-group")));
  }

  @Test
  void anotherClientIdOrPoolIdIsNotFound() {
    assertThrows(
        ResourceNotFoundException.class,
        () ->
            cognito.initiateAuth(
                r ->
                    r.clientId("someone-elses-client")
                        .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .authParameters(
                            Map.of("USERNAME", "x@example.org", "PASSWORD", PASSWORD))));
    assertThrows(
        ResourceNotFoundException.class,
        () -> cognito.adminGetUser(r -> r.userPoolId("us-east-1_Other").username("x@example.org")));
  }

  @Test
  void aTakenUsernameIsRefused() {
    signUp("ivy@example.org", PASSWORD);
    assertThrows(UsernameExistsException.class, () -> signUp("IVY@example.org", PASSWORD));
  }

  private SignUpResponse signUp(String email, String password) {
    return cognito.signUp(
        r ->
            r.clientId(server.clientId())
                .username(email)
                .password(password)
                .userAttributes(attr("email", email), attr("custom:tenantId", TENANT)));
  }

  private InitiateAuthResponse signIn(String username, String password) {
    return cognito.initiateAuth(
        r ->
            r.clientId(server.clientId())
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", password)));
  }

  private static AttributeType attr(String name, String value) {
    return AttributeType.builder().name(name).value(value).build();
  }
}
