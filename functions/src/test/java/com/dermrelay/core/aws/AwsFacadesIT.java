package com.dermrelay.core.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import com.dermrelay.local.LocalStack;
import com.dermrelay.local.outbox.OutboxMessage;
import com.dermrelay.local.testing.LocalStackExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The hand-signed Cognito and SES facades against the local identity service and outbox. */
@ExtendWith(LocalStackExtension.class)
class AwsFacadesIT {
  @Test
  void cognitoAdminCreatesAnAccountThatCanSignIn(LocalStack stack) {
    FunctionsComponent functions = Functions.forEnvironment(stack.functionEnvironment());
    CognitoAdmin cognito = functions.cognitoAdmin();

    CognitoAdmin.PoolUser created =
        cognito.createUser(
            "facade@dermrelay.example",
            Map.of("name", "Facade Test", "custom:tenantId", "northside-skin"),
            false);
    cognito.setPassword("facade@dermrelay.example", "Facade-Test-1", true);
    cognito.addToGroup("facade@dermrelay.example", "clinic_admin");
    cognito.updateAttributes("facade@dermrelay.example", Map.of("name", "Facade Renamed"));

    CognitoAdmin.PoolUser read = cognito.getUser("facade@dermrelay.example").orElseThrow();
    assertEquals(created.subject(), read.subject());
    assertEquals("Facade Renamed", read.attribute("name").orElseThrow());
    assertEquals("northside-skin", read.attribute("custom:tenantId").orElseThrow());
    assertTrue(
        stack.outbox().messagesTo("facade@dermrelay.example").isEmpty(),
        "MessageAction SUPPRESS sends nothing");
    assertTrue(
        stack.identity().signIn("facade@dermrelay.example", "Facade-Test-1").idToken().length()
            > 0);
    assertTrue(cognito.getUser("nobody@dermrelay.example").isEmpty());
  }

  @Test
  void theMailerDeliversThroughSesToTheOutbox(LocalStack stack) {
    Mailer mailer = Functions.forEnvironment(stack.functionEnvironment()).mailer();
    mailer.send("mail-facade@dermrelay.example", "A subject", "A plain notice.");
    OutboxMessage message = stack.outbox().latestTo("mail-facade@dermrelay.example").orElseThrow();
    assertEquals("A subject", message.subject());
    assertEquals("A plain notice.", message.text());
    assertEquals(OutboxMessage.Channel.EMAIL, message.channel());
  }
}
