package app.custodian;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasType.Predicates.rawType;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMembers;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.annotation.Resource;
import jakarta.ejb.ApplicationException;
import jakarta.inject.Named;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture's rules (see {@code package-info.java} of this package): features form layers
 * without cycles, entities know no boundary, control is plain Java, and every batch artifact a job
 * names exists.
 */
class ArchitectureTest {

  /** Annotations that make a class a container's component or endpoint. */
  static final String[] CONTAINER_PACKAGES = {
    "jakarta.ejb..",
    "jakarta.enterprise..",
    "jakarta.inject..",
    "jakarta.ws.rs..",
    "jakarta.batch..",
    "jakarta.faces..",
    "jakarta.servlet.annotation..",
    "jakarta.transaction.."
  };

  static final Pattern ARTIFACT_REF = Pattern.compile("<(\\w+) ref=\"([^\"]+)\"");

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.custodian");
  }

  static final ArchRule NO_CYCLES_BETWEEN_FEATURES =
      slices().matching("app.custodian.(*)..").namingSlices("$1").should().beFreeOfCycles();

  static final ArchRule ENTITIES_KNOW_NO_BOUNDARY =
      noClasses()
          .that()
          .resideInAPackage("..entity..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..boundary..");

  static final ArchRule CONTROL_IS_NO_COMPONENT =
      noClasses()
          .that()
          .resideInAPackage("..control..")
          .should()
          .beAnnotatedWith(
              rawType(
                  resideInAnyPackage(CONTAINER_PACKAGES)
                      // how the container treats an exception control throws, not a component
                      .and(not(belongToAnyOf(ApplicationException.class)))))
          .orShould()
          .beAssignableTo(resideInAPackage("jakarta.batch.api.."))
          .because("control is plain Java: components and endpoints live in boundary");

  static final ArchRule CONTROL_HAS_NO_INJECTION_POINTS =
      noMembers()
          .that()
          .areDeclaredInClassesThat()
          .resideInAPackage("..control..")
          .should()
          .beAnnotatedWith(rawType(resideInAnyPackage(CONTAINER_PACKAGES)))
          .orShould()
          .beAnnotatedWith(rawType(belongToAnyOf(PersistenceContext.class, Resource.class)))
          .because("control is plain Java: what it needs is passed in");

  @Test
  void noCycleBetweenFeatures() {
    NO_CYCLES_BETWEEN_FEATURES.check(classes);
  }

  @Test
  void entitiesImportNoBoundary() {
    ENTITIES_KNOW_NO_BOUNDARY.check(classes);
  }

  @Test
  void controlHoldsNoContainerAnnotations() {
    CONTROL_IS_NO_COMPONENT.check(classes);
    CONTROL_HAS_NO_INJECTION_POINTS.check(classes);
  }

  @Test
  void everyBatchArtifactAJobNamesExists() throws IOException {
    Map<String, JavaClass> artifacts = batchArtifactsByName();
    Map<String, String> missing = new TreeMap<>();
    List<Path> jobs;
    try (Stream<Path> files = Files.list(Path.of("batch-jobs"))) {
      jobs = files.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
    }
    assertFalse(jobs.isEmpty(), "no job XML in batch-jobs/");
    for (Path job : jobs) {
      Matcher ref = ARTIFACT_REF.matcher(Files.readString(job));
      while (ref.find()) {
        if (!artifacts.containsKey(ref.group(2))) {
          missing.put(job.getFileName() + " " + ref.group(1), ref.group(2));
        }
      }
    }
    assertEquals(
        Map.of(),
        missing,
        "refs without a CDI bean of that name implementing a jakarta.batch.api interface");
  }

  /** Classes implementing a jakarta.batch.api interface, by their CDI name. */
  private static Map<String, JavaClass> batchArtifactsByName() {
    return classes.stream()
        .filter(c -> !c.getModifiers().contains(JavaModifier.ABSTRACT))
        .filter(c -> c.isAssignableTo(resideInAPackage("jakarta.batch.api..")))
        .flatMap(c -> cdiName(c).map(name -> Map.entry(name, c)).stream())
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /** The {@code @Named} value, or the default name (the simple name, decapitalized). */
  private static Optional<String> cdiName(JavaClass type) {
    return type.tryGetAnnotationOfType(Named.class)
        .map(
            named ->
                named.value().isEmpty()
                    ? Character.toLowerCase(type.getSimpleName().charAt(0))
                        + type.getSimpleName().substring(1)
                    : named.value());
  }
}
