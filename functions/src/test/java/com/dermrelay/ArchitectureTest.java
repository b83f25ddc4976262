package com.dermrelay;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.dermrelay.core.http.ApiHandler;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layout docs/architecture.md describes, held by the compiled classes of this module (not by
 * grepping sources): the shared kernel {@code core} knows no capability, capabilities use each
 * other only where {@link #USES} says so and never through another one's store or handlers,
 * handlers parse, call one use case and answer, only {@code core.data} talks to DynamoDB, and
 * nothing in dermrelay-functions.jar needs what only dermrelay-fhir.jar or dermrelay-letters.jar
 * carries.
 */
class ArchitectureTest {
  private static final String ROOT = "com.dermrelay.";

  /**
   * Which capability may use which. A new arrow is a design decision: add it here with the reason
   * in docs/architecture.md, or call through {@code core} instead.
   */
  static final Map<String, Set<String>> USES =
      Map.ofEntries(
          Map.entry("audit", Set.of()),
          Map.entry("cases", Set.of("imaging", "triage")),
          Map.entry("dashboard", Set.of("audit", "cases", "imaging")),
          // The export holds the research consent (research.consent.ResearchConsents).
          Map.entry("datarights", Set.of("cases", "patients", "research", "review")),
          Map.entry("fhir", Set.of("cases", "metering", "patients")),
          // A question to the patient is counted for the quality figures (quality.figures).
          Map.entry("followup", Set.of("cases", "intake", "quality", "review")),
          Map.entry("health", Set.of()),
          Map.entry("imaging", Set.of()),
          Map.entry("intake", Set.of("cases", "metering", "patients", "triage")),
          Map.entry("letters", Set.of("cases", "datarights")),
          // A dermatologist's licences, on the person (core.data.UserTable): uses nothing.
          Map.entry("licences", Set.of()),
          // Counters only: every capability that does a billable thing records it here (issue 19).
          Map.entry("metering", Set.of()),
          Map.entry("operator", Set.of("metering", "review")),
          Map.entry("patients", Set.of()),
          // The second read's comparison reads the round's first answer (cases.CaseExchangeItems)
          // and
          // meters the read.
          Map.entry("quality", Set.of("cases", "metering")),
          // Research exports read answered cases, profiles (age, sex) and re-encode clean photos.
          Map.entry("research", Set.of("cases", "imaging", "metering", "patients")),
          // DeliverAnswer hands a delivered answer to second reads (quality.StartSecondRead).
          Map.entry("review", Set.of("cases", "fhir", "metering", "patients", "quality", "triage")),
          Map.entry("templates", Set.of("cases", "review")),
          Map.entry("tenants", Set.of()),
          Map.entry("triage", Set.of()),
          Map.entry("uploads", Set.of("cases", "dashboard", "imaging", "metering")));

  /** Classes (relative to com.dermrelay) that only dermrelay-fhir.jar carries: decision 0017. */
  private static final List<String> FHIR_JAR_ONLY =
      List.of(
          "fhir.bundle.",
          "fhir.api.",
          "fhir.FhirComponent",
          "fhir.DaggerFhirComponent",
          "fhir.FhirFunctions",
          "fhir.FhirPriming",
          "fhir.workflow.SendToEhrTaskHandler");

  private static JavaClasses classes;

  @BeforeAll
  static void importTheModulesOwnClasses() {
    // target/classes only: the test classpath also holds local-dev's and test-support's classes.
    classes = new ClassFileImporter().importPath(Path.of("target/classes"));
  }

  @Test
  void coreKnowsNoCapabilityExceptWhereItWiresThemTogether() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + "core..")
        .and()
        .resideOutsideOfPackage(ROOT + "core.wiring..")
        .should()
        .dependOnClassesThat(inACapability())
        .because(
            "core is the shared kernel every capability builds on; only core.wiring (Dagger) sees them all")
        .check(classes);
  }

  @Test
  void capabilitiesUseOnlyTheCapabilitiesTheyDeclare() {
    // A capability's own Dagger component (fhir, letters) is wiring: it builds what they use.
    classes()
        .that(inACapability())
        .and(describe("not written by Dagger", c -> !generatedByDagger(c)))
        .should(useOnlyDeclaredCapabilities())
        .check(classes);
  }

  @Test
  void capabilitiesFormNoCycle() {
    DescribedPredicate<JavaClass> inCore =
        describe("in core", c -> c.getName().startsWith(ROOT + "core."));
    // core.wiring sees every capability and every capability sees core: only arrows between
    // capabilities can make a cycle worth reporting.
    slices()
        .matching(ROOT + "(*)..")
        .should()
        .beFreeOfCycles()
        .ignoreDependency(inCore, DescribedPredicate.alwaysTrue())
        .ignoreDependency(DescribedPredicate.alwaysTrue(), inCore)
        .check(classes);
  }

  /** The shared case and answer model: every capability reads cases through its CaseStore. */
  private static final String SHARED_MODEL = "cases";

  @Test
  void noCapabilityReachesIntoAnothersStoreOrHandlers() {
    classes()
        .that(inACapability())
        .should(notUseAnotherCapabilitys("Store", "Handler"))
        .because(
            "a capability's storage and its HTTP entry points are its own; others call its use cases")
        .check(classes);
  }

  @Test
  void handlersOnlyParseCallOneUseCaseAndAnswer() {
    classes()
        .that()
        .areAssignableTo(ApiHandler.class)
        .and()
        .doNotHaveFullyQualifiedName(ApiHandler.class.getName())
        .should(holdAtMostOneUseCase())
        .andShould()
        .onlyDependOnClassesThat(
            describe(
                "not a store, not the data layer, not an AWS client",
                c ->
                    !c.getSimpleName().endsWith("Store")
                        && !c.getPackageName().startsWith(ROOT + "core.data")
                        && !c.getPackageName().startsWith("software.amazon.awssdk")))
        .check(classes);
  }

  @Test
  void onlyTheDataLayerTalksToDynamoDb() {
    noClasses()
        .that()
        .resideOutsideOfPackages(ROOT + "core.data..", ROOT + "core.aws..")
        .and(describe("not written by Dagger", c -> !generatedByDagger(c)))
        .should()
        .dependOnClassesThat()
        .resideInAPackage("software.amazon.awssdk.services.dynamodb..")
        .orShould()
        .dependOnClassesThat()
        .haveSimpleName("DynamoDbEnhancedClient")
        .orShould()
        .dependOnClassesThat()
        .haveSimpleName("DynamoDbTable")
        .because(
            "core.data applies the tenant key prefix and the expiry filter to every read and write")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage(ROOT + "core.aws..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("software.amazon.awssdk.services.dynamodb.model..")
        .because("core.aws only builds the client")
        .check(classes);
  }

  @Test
  void nothingInTheFunctionsJarNeedsWhatOnlyTheFhirJarCarries() {
    noClasses()
        .that(describe("shipped in dermrelay-functions.jar", c -> !fhirJarOnly(c)))
        .should()
        .dependOnClassesThat(
            describe(
                "HAPI FHIR or a class only dermrelay-fhir.jar carries",
                c ->
                    c.getPackageName().startsWith("org.hl7.fhir")
                        || c.getPackageName().startsWith("ca.uhn.fhir")
                        || fhirJarOnly(c)))
        .because(
            "the functions jar ships without them (docs/decisions/0017-fhir-jar.md): a use would fail"
                + " only at run time with NoClassDefFoundError")
        .check(classes);
  }

  /** Dagger's components and factories pass the clients core.aws builds on to core.data. */
  private static boolean generatedByDagger(JavaClass c) {
    String name = c.getName();
    return name.contains(".Dagger")
        || name.endsWith("_Factory")
        || name.contains("_Factory$")
        || name.endsWith("_Provide" + "Factory");
  }

  @Test
  void nothingOutsideTheLettersNeedsPdfBoxOrTheLetters() {
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + "letters..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.pdfbox..", ROOT + "letters..")
        .because(
            "dermrelay-functions.jar ships without PDFBox and the letters (docs/decisions/0022-letters-jar.md)")
        .check(classes);
  }

  private static boolean fhirJarOnly(JavaClass c) {
    String name = c.getName();
    return FHIR_JAR_ONLY.stream().anyMatch(p -> name.startsWith(ROOT + p));
  }

  /**
   * The first package under com.dermrelay, for a class of a capability; null for core and others.
   */
  static String capabilityOf(JavaClass c) {
    String name = c.getName();
    if (!name.startsWith(ROOT)) {
      return null;
    }
    String rest = name.substring(ROOT.length());
    int dot = rest.indexOf('.');
    String top = dot < 0 ? null : rest.substring(0, dot);
    return top == null || top.equals("core") ? null : top;
  }

  private static DescribedPredicate<JavaClass> inACapability() {
    return describe("in a capability package", c -> capabilityOf(c) != null);
  }

  private static ArchCondition<JavaClass> useOnlyDeclaredCapabilities() {
    return new ArchCondition<>("use only the capabilities declared in ArchitectureTest.USES") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        String own = capabilityOf(item);
        Set<String> allowed = USES.get(own);
        if (allowed == null) {
          events.add(
              SimpleConditionEvent.violated(
                  item, "capability '" + own + "' is not in ArchitectureTest.USES"));
          return;
        }
        for (Dependency d : item.getDirectDependenciesFromSelf()) {
          String target = capabilityOf(d.getTargetClass());
          if (target != null && !target.equals(own) && !allowed.contains(target)) {
            events.add(SimpleConditionEvent.violated(d, d.getDescription()));
          }
        }
      }
    };
  }

  private static ArchCondition<JavaClass> notUseAnotherCapabilitys(String... suffixes) {
    return new ArchCondition<>(
        "not use another capability's classes named *" + String.join(", *", suffixes)) {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        String own = capabilityOf(item);
        for (Dependency d : item.getDirectDependenciesFromSelf()) {
          JavaClass target = d.getTargetClass();
          String theirs = capabilityOf(target);
          boolean sharedStore =
              theirs != null
                  && theirs.equals(SHARED_MODEL)
                  && target.getSimpleName().endsWith("Store");
          if (theirs != null
              && !theirs.equals(own)
              && !sharedStore
              && List.of(suffixes).stream().anyMatch(s -> target.getSimpleName().endsWith(s))) {
            events.add(SimpleConditionEvent.violated(d, d.getDescription()));
          }
        }
      }
    };
  }

  private static ArchCondition<JavaClass> holdAtMostOneUseCase() {
    return new ArchCondition<>("hold at most one use case (a field of a capability's type)") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        List<String> useCases =
            item.getFields().stream()
                .map(JavaField::getRawType)
                .filter(t -> capabilityOf(t) != null)
                .map(JavaClass::getSimpleName)
                .toList();
        if (useCases.size() > 1) {
          events.add(SimpleConditionEvent.violated(item, item.getName() + " holds " + useCases));
        }
      }
    };
  }
}
