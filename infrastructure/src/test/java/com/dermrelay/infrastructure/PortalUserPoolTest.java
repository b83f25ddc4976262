package com.dermrelay.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

class PortalUserPoolTest {

  private static final String POOL = "AWS::Cognito::UserPool";
  private static final String CLIENT = "AWS::Cognito::UserPoolClient";

  private final SynthesizedStage dev = SynthesizedStage.dev();

  @Test
  void usersSignInWithTheirEmailUnderAStrongPasswordPolicy() {
    dev.identity.hasResourceProperties(
        POOL,
        Map.of(
            "UsernameAttributes", List.of("email"),
            "AutoVerifiedAttributes", List.of("email"),
            "Policies",
                Map.of(
                    "PasswordPolicy",
                    Map.of(
                        "MinimumLength",
                        12,
                        "RequireLowercase",
                        true,
                        "RequireUppercase",
                        true,
                        "RequireNumbers",
                        true,
                        "RequireSymbols",
                        true))));
  }

  @Test
  void threatProtectionIsEnforcedAndMfaIsOptionalTotp() {
    dev.identity.hasResourceProperties(
        POOL,
        Map.of(
            "UserPoolTier",
            "PLUS",
            "UserPoolAddOns",
            Map.of("AdvancedSecurityMode", "ENFORCED"),
            "MfaConfiguration",
            "OPTIONAL",
            "EnabledMfas",
            List.of("SOFTWARE_TOKEN_MFA")));
  }

  @Test
  void thePoolIsRetainedAndProtectedFromDeletion() {
    dev.identity.hasResource(
        POOL,
        Map.of("Properties", Map.of("DeletionProtection", "ACTIVE"), "DeletionPolicy", "Retain"));
  }

  @Test
  void hasTheTenantAttributeAndOneGroupPerRole() {
    dev.identity.hasResourceProperties(
        POOL,
        Map.of(
            "Schema",
            Match.arrayWith(
                List.of(
                    Match.objectLike(
                        Map.of(
                            "AttributeDataType",
                            "String",
                            "Name",
                            "tenantId",
                            "Mutable",
                            true))))));
    dev.identity.resourceCountIs("AWS::Cognito::UserPoolGroup", 4);
    for (String group : List.of("patient", "dermatologist", "clinic_admin", "platform_operator")) {
      dev.identity.hasResourceProperties("AWS::Cognito::UserPoolGroup", Map.of("GroupName", group));
    }
  }

  @Test
  void thePortalClientCanReadButNeverWriteTheTenant() {
    // E-mail only: the clinic and the name reach the pool through the triggers (ClientMetadata),
    // so no signed-in user can move themselves to another clinic.
    dev.identity.hasResourceProperties(
        CLIENT,
        Map.of(
            "ReadAttributes", Match.arrayWith(List.of("custom:tenantId")),
            "WriteAttributes", List.of("email")));
  }

  @Test
  void thePortalClientIsPublicWithPasswordSrpAndRefreshFlowsAndBoundedTokens() {
    dev.identity.hasResourceProperties(
        CLIENT,
        Map.of(
            "GenerateSecret",
            false,
            "ExplicitAuthFlows",
            List.of("ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
            "PreventUserExistenceErrors",
            "ENABLED",
            "EnableTokenRevocation",
            true,
            "IdTokenValidity",
            60,
            "RefreshTokenValidity",
            30 * 24 * 60));
  }

  @Test
  void thePreSignUpTriggerGuardsEverySignUpAndOnlyReadsTheTable() {
    dev.identity.hasResourceProperties(
        POOL,
        Map.of(
            "LambdaConfig",
            Match.objectLike(
                Map.of(
                    "PreSignUp",
                    Match.objectLike(
                        Map.of(
                            "Ref",
                            Match.stringLikeRegexp("TriggersPreSignUpTriggerHandlerAlias.*")))))));
    dev.identity.hasResourceProperties(
        "AWS::Lambda::Function",
        Map.of(
            "Handler", IdentityStack.PRE_SIGN_UP_HANDLER + "::handleRequest", "MemorySize", 1024));
    dev.identity.hasResourceProperties(
        "AWS::Lambda::Permission",
        Map.of(
            "Action",
            "lambda:InvokeFunction",
            "Principal",
            "cognito-idp.amazonaws.com",
            "FunctionName",
            Match.objectLike(
                Map.of("Ref", Match.stringLikeRegexp("TriggersPreSignUpTriggerHandlerAlias.*")))));
    List<String> actions = new ArrayList<>();
    statementsOfRole("TriggersPreSignUpTriggerHandlerRole")
        .forEach(statement -> actions.addAll(actions(statement)));
    assertTrue(
        actions.containsAll(List.of("dynamodb:GetItem", "dynamodb:Query")), actions.toString());
    for (String action : actions) {
      assertFalse(
          action.matches(
              "dynamodb:(PutItem|UpdateItem|DeleteItem|BatchWriteItem)|s3:.*|sts:.*|cognito-idp:.*"),
          "the trigger may only read the table: " + action);
    }
  }

  @Test
  void thePostConfirmationTriggerMakesTwoAdminCallsOnThisPoolAlone() {
    dev.identity.hasResourceProperties(
        POOL,
        Map.of(
            "LambdaConfig",
            Match.objectLike(
                Map.of(
                    "PostConfirmation",
                    Match.objectLike(
                        Map.of(
                            "Ref",
                            Match.stringLikeRegexp(
                                "TriggersPostConfirmationTriggerHandlerAlias.*")))))));
    dev.identity.hasResourceProperties(
        "AWS::Lambda::Permission",
        Map.of(
            "Action",
            "lambda:InvokeFunction",
            "Principal",
            "cognito-idp.amazonaws.com",
            "FunctionName",
            Match.objectLike(
                Map.of(
                    "Ref",
                    Match.stringLikeRegexp("TriggersPostConfirmationTriggerHandlerAlias.*")))));
    String poolId = dev.identity.findResources(POOL).keySet().iterator().next();
    List<Map<?, ?>> cognitoStatements = new ArrayList<>();
    List<String> actions = new ArrayList<>();
    for (Map<?, ?> statement : statementsOfRole("TriggersPostConfirmationTriggerHandlerRole")) {
      List<String> these = actions(statement);
      if ("Allow".equals(statement.get("Effect"))) {
        // What it may do; the audit trail's append-only Deny names changes it may never make.
        actions.addAll(these);
      }
      if (these.stream().anyMatch(a -> a.startsWith("cognito-idp:"))) {
        cognitoStatements.add(statement);
      }
    }
    assertEquals(1, cognitoStatements.size(), cognitoStatements.toString());
    Map<?, ?> enrol = cognitoStatements.get(0);
    assertEquals(Set.copyOf(IdentityStack.ENROLMENT_ACTIONS), Set.copyOf(actions(enrol)));
    assertEquals("Allow", enrol.get("Effect"));
    // This pool's ARN, no wildcard and no other pool.
    assertEquals(Map.of("Fn::GetAtt", List.of(poolId, "Arn")), enrol.get("Resource"));
    for (String action : actions) {
      assertFalse(
          action.matches(
              "dynamodb:(UpdateItem|DeleteItem|BatchWriteItem)|s3:.*|sts:.*"
                  + "|cognito-idp:(AdminCreateUser|AdminDeleteUser|AdminSetUserPassword|AdminDisableUser|\\*)"),
          "the trigger reads the table, puts the patient's link and enrols: " + action);
    }
  }

  @Test
  void noOtherIdentityRoleTouchesThePoolsUsers() {
    policies()
        .forEach(
            (id, policy) -> {
              for (Map<?, ?> statement : statements(policy)) {
                if (actions(statement).stream().anyMatch(a -> a.startsWith("cognito-idp:"))) {
                  assertTrue(
                      roles(policy).stream()
                          .allMatch(
                              r -> r.startsWith("TriggersPostConfirmationTriggerHandlerRole")),
                      id + " grants pool calls to " + roles(policy));
                }
              }
            });
  }

  /**
   * The statements of every policy attached to the role whose logical id starts with {@code
   * rolePrefix}.
   */
  private List<Map<?, ?>> statementsOfRole(String rolePrefix) {
    List<Map<?, ?>> found = new ArrayList<>();
    policies()
        .values()
        .forEach(
            policy -> {
              if (roles(policy).stream().anyMatch(r -> r.startsWith(rolePrefix))) {
                found.addAll(statements(policy));
              }
            });
    assertFalse(found.isEmpty(), "no policy of " + rolePrefix);
    return found;
  }

  /** Inline and customer-managed policies of the identity stack, by logical id. */
  private Map<String, Map<String, Object>> policies() {
    Map<String, Map<String, Object>> all =
        new java.util.LinkedHashMap<>(dev.identity.findResources("AWS::IAM::Policy"));
    all.putAll(dev.identity.findResources("AWS::IAM::ManagedPolicy"));
    return all;
  }

  private static List<String> roles(Object policy) {
    List<String> names = new ArrayList<>();
    Object roles = ((Map<?, ?>) ((Map<?, ?>) policy).get("Properties")).get("Roles");
    if (roles instanceof List<?> list) {
      for (Object role : list) {
        if (role instanceof Map<?, ?> ref && ref.get("Ref") != null) {
          names.add(ref.get("Ref").toString());
        }
      }
    }
    return names;
  }

  private static List<Map<?, ?>> statements(Object policy) {
    Object statements =
        ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) policy).get("Properties")).get("PolicyDocument"))
            .get("Statement");
    List<Map<?, ?>> list = new ArrayList<>();
    ((List<?>) statements).forEach(s -> list.add((Map<?, ?>) s));
    return list;
  }

  private static List<String> actions(Map<?, ?> statement) {
    Object action = statement.get("Action");
    List<String> list = new ArrayList<>();
    if (action instanceof List<?> many) {
      many.forEach(a -> list.add(a.toString()));
    } else {
      list.add(String.valueOf(action));
    }
    return list;
  }

  @Test
  void outputsThePoolAndClientIds() {
    dev.identity.hasOutput(IdentityStack.USER_POOL_ID_OUTPUT, Map.of());
    dev.identity.hasOutput(IdentityStack.PORTAL_CLIENT_ID_OUTPUT, Map.of());
  }
}
