package com.dermrelay.infrastructure;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

class PortalUserPoolTest {

  private static final String POOL = "AWS::Cognito::UserPool";
  private static final String CLIENT = "AWS::Cognito::UserPoolClient";

  private final SynthesizedStage dev = SynthesizedStage.dev();

  @Test
  void usersSignInWithTheirEmailUnderAStrongPasswordPolicy() {
    dev.identity.hasResourceProperties(POOL, Map.of(
        "UsernameAttributes", List.of("email"),
        "AutoVerifiedAttributes", List.of("email"),
        "Policies", Map.of("PasswordPolicy", Map.of(
            "MinimumLength", 12, "RequireLowercase", true, "RequireUppercase", true,
            "RequireNumbers", true, "RequireSymbols", true))));
  }

  @Test
  void threatProtectionIsEnforcedAndMfaIsOptionalTotp() {
    dev.identity.hasResourceProperties(POOL, Map.of(
        "UserPoolTier", "PLUS",
        "UserPoolAddOns", Map.of("AdvancedSecurityMode", "ENFORCED"),
        "MfaConfiguration", "OPTIONAL",
        "EnabledMfas", List.of("SOFTWARE_TOKEN_MFA")));
  }

  @Test
  void thePoolIsRetainedAndProtectedFromDeletion() {
    dev.identity.hasResource(POOL, Map.of(
        "Properties", Map.of("DeletionProtection", "ACTIVE"),
        "DeletionPolicy", "Retain"));
  }

  @Test
  void hasTheTenantAttributeAndOneGroupPerRole() {
    dev.identity.hasResourceProperties(POOL, Map.of("Schema", Match.arrayWith(List.of(Match.objectLike(Map.of(
        "AttributeDataType", "String", "Name", "tenantId", "Mutable", true))))));
    dev.identity.resourceCountIs("AWS::Cognito::UserPoolGroup", 4);
    for (String group : List.of("patient", "dermatologist", "clinic_admin", "platform_operator")) {
      dev.identity.hasResourceProperties("AWS::Cognito::UserPoolGroup", Map.of("GroupName", group));
    }
  }

  @Test
  void thePortalClientCanReadButNeverWriteTheTenant() {
    dev.identity.hasResourceProperties(CLIENT, Map.of(
        "ReadAttributes", Match.arrayWith(List.of("custom:tenantId")),
        "WriteAttributes", List.of("email")));
  }

  @Test
  void thePortalClientIsPublicWithPasswordSrpAndRefreshFlowsAndBoundedTokens() {
    dev.identity.hasResourceProperties(CLIENT, Map.of(
        "GenerateSecret", false,
        "ExplicitAuthFlows", List.of("ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
        "PreventUserExistenceErrors", "ENABLED",
        "EnableTokenRevocation", true,
        "IdTokenValidity", 60,
        "RefreshTokenValidity", 30 * 24 * 60));
  }

  @Test
  void thePreSignUpTriggerGuardsEverySignUpAndOnlyReadsTheTable() {
    dev.identity.hasResourceProperties(POOL, Map.of("LambdaConfig", Match.objectLike(Map.of(
        "PreSignUp", Match.objectLike(Map.of("Ref", Match.stringLikeRegexp("TriggersPreSignUpTriggerHandlerAlias.*")))))));
    dev.identity.hasResourceProperties("AWS::Lambda::Function", Map.of(
        "Handler", IdentityStack.PRE_SIGN_UP_HANDLER + "::handleRequest", "MemorySize", 1024));
    dev.identity.hasResourceProperties("AWS::Lambda::Permission", Map.of(
        "Action", "lambda:InvokeFunction", "Principal", "cognito-idp.amazonaws.com",
        "FunctionName", Match.objectLike(Map.of("Ref", Match.stringLikeRegexp("TriggersPreSignUpTriggerHandlerAlias.*")))));
    List<String> actions = new java.util.ArrayList<>();
    dev.identity.findResources("AWS::IAM::Policy").values().forEach(policy -> {
      Object statements = ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) policy).get("Properties")).get("PolicyDocument"))
          .get("Statement");
      for (Object statement : (List<?>) statements) {
        Object action = ((Map<?, ?>) statement).get("Action");
        if (action instanceof List<?> list) {
          list.forEach(a -> actions.add(a.toString()));
        } else {
          actions.add(String.valueOf(action));
        }
      }
    });
    org.junit.jupiter.api.Assertions.assertTrue(actions.containsAll(List.of("dynamodb:GetItem", "dynamodb:Query")),
        actions.toString());
    for (String action : actions) {
      org.junit.jupiter.api.Assertions.assertFalse(
          action.matches("dynamodb:(PutItem|UpdateItem|DeleteItem|BatchWriteItem)|s3:.*|sts:.*|cognito-idp:.*"),
          "the trigger may only read the table: " + action);
    }
  }

  @Test
  void outputsThePoolAndClientIds() {
    dev.identity.hasOutput(IdentityStack.USER_POOL_ID_OUTPUT, Map.of());
    dev.identity.hasOutput(IdentityStack.PORTAL_CLIENT_ID_OUTPUT, Map.of());
  }
}
