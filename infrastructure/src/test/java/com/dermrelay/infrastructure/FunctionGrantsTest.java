package com.dermrelay.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;
import software.constructs.IConstruct;

/**
 * Every function's own role, and every tenant data role, is granted exactly the statements recorded
 * in {@value #RECORDED} (from a configured production stage): moving the API's functions into
 * capability stacks changed no grant, and a grant that changes shows here as a diff to review. A
 * deliberate change of a {@link FunctionProfile} re-records the file: run this class with {@code
 * -Ddermrelay.grants.record=true} and review the diff. Statements are compared as JSON with sorted
 * keys; references within a stack keep their logical ids, which follow the construct path, and
 * references to the data and identity stacks are the same exports wherever they are imported.
 */
class FunctionGrantsTest {

  static final String RECORDED = "/least-privilege/prod-function-grants.json";

  /**
   * The key the tenant data roles' statements are recorded under; one role per compute stack, all
   * alike.
   */
  static final String TENANT_DATA_ROLE = "(tenant data role)";

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private final SynthesizedStage prod = SynthesizedStage.prod();

  @Test
  void everyFunctionKeepsExactlyTheGrantsRecordedForItsHandler() throws IOException {
    Map<String, List<String>> actual = new TreeMap<>();
    List<Functions.DeployedFunction> functions = new ArrayList<>(prod.allFunctions());
    functions.addAll(prod.stacks.identity().triggers().all());
    for (Functions.DeployedFunction deployed : functions) {
      String name = Functions.simpleName(deployed.handlerClass());
      assertTrue(
          actual.put(name, statementsOf(deployed.role())) == null, "two functions named " + name);
    }
    List<TenantDataAccess> tenantRoles = new ArrayList<>();
    prod.stacks.operations().forEach(stack -> tenantRoles.add(stack.tenantAccess()));
    prod.stacks.workflows().forEach(stack -> tenantRoles.add(stack.tenantAccess()));
    List<String> tenantRole = null;
    for (TenantDataAccess access : tenantRoles) {
      if (access == null) {
        continue;
      }
      List<String> statements = statementsOf(access.role());
      if (tenantRole != null) {
        assertEquals(
            tenantRole, statements, "every compute stack's tenant data role is granted the same");
      }
      tenantRole = statements;
    }
    actual.put(TENANT_DATA_ROLE, tenantRole);

    if (Boolean.getBoolean("dermrelay.grants.record")) {
      record(actual);
    }
    Map<String, List<String>> recorded = recorded();
    assertEquals(recorded.keySet(), actual.keySet(), "the functions whose grants are recorded");
    for (String name : recorded.keySet()) {
      assertEquals(
          String.join("\n", recorded.get(name)), String.join("\n", actual.get(name)), name);
    }
  }

  /**
   * The statements granted to {@code role}: its inline policies and every policy and managed policy
   * of its stack that is attached to it, each as JSON with sorted keys, sorted.
   */
  private List<String> statementsOf(IConstruct role) throws IOException {
    Template template = prod.templateOf(role);
    Map<String, Object> ref = prod.refTo(role);
    List<Object> statements = new ArrayList<>();
    Map<?, ?> resources = (Map<?, ?>) template.toJSON().get("Resources");
    Map<?, ?> roleProperties =
        (Map<?, ?>) ((Map<?, ?>) resources.get(prod.logicalId(role))).get("Properties");
    if (roleProperties.get("Policies") instanceof List<?> inline) {
      inline.forEach(
          policy -> statements.addAll(statementList(((Map<?, ?>) policy).get("PolicyDocument"))));
    }
    for (String type : List.of("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy")) {
      for (Map<String, Object> policy : template.findResources(type).values()) {
        Map<?, ?> properties = (Map<?, ?>) policy.get("Properties");
        if (properties.get("Roles") instanceof List<?> roles && roles.contains(ref)) {
          statements.addAll(statementList(properties.get("PolicyDocument")));
        }
      }
    }
    List<String> text = new ArrayList<>();
    for (Object statement : statements) {
      text.add(JSON.writeValueAsString(statement));
    }
    text.sort(null);
    return text;
  }

  private static List<?> statementList(Object document) {
    return (List<?>) ((Map<?, ?>) document).get("Statement");
  }

  private static Map<String, List<String>> recorded() throws IOException {
    try (InputStream in = FunctionGrantsTest.class.getResourceAsStream(RECORDED)) {
      if (in == null) {
        throw new AssertionError(RECORDED + " is not on the test classpath");
      }
      return JSON.readValue(in, new TypeReference<TreeMap<String, List<String>>>() {});
    }
  }

  /** Writes {@code grants} over the recorded file in the source tree, one statement a line. */
  private static void record(Map<String, List<String>> grants) throws IOException {
    java.nio.file.Path file =
        SourcePaths.locate()
            .functionsJar()
            .getParent()
            .getParent()
            .getParent()
            .resolve("infrastructure/src/test/resources" + RECORDED);
    DefaultPrettyPrinter lines =
        new DefaultPrettyPrinter().withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
    JSON.writer(lines).writeValue(file.toFile(), grants);
  }
}
