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
  void outputsThePoolAndClientIds() {
    dev.identity.hasOutput(IdentityStack.USER_POOL_ID_OUTPUT, Map.of());
    dev.identity.hasOutput(IdentityStack.PORTAL_CLIENT_ID_OUTPUT, Map.of());
  }
}
