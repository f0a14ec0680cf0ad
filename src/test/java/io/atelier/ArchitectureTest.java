package io.atelier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The package rules of STYLE.md: features reach each other only through services, never through
 * another feature's repository; the cross-cutting {@code web} and {@code security} packages know no
 * feature.
 */
@AnalyzeClasses(packages = "io.atelier", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String[] FEATURES = {
    "io.atelier.project..",
    "io.atelier.folder..",
    "io.atelier.file..",
    "io.atelier.milestone..",
    "io.atelier.collaborator..",
    "io.atelier.user..",
    "io.atelier.beta..",
    "io.atelier.info.."
  };

  @ArchTest
  static final ArchRule crossCuttingPackagesKnowNoFeature =
      noClasses()
          .that()
          .resideInAnyPackage("io.atelier.web..", "io.atelier.security..", "io.atelier.identity..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(FEATURES)
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule repositoriesAreUsedOnlyInTheirOwnFeature =
      classes()
          .that()
          .haveSimpleNameEndingWith("Repository")
          .should(beAccessedOnlyFromTheirOwnPackage())
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule searchEngineKnowsNoFeature =
      noClasses()
          .that()
          .resideInAPackage("io.atelier.search..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(FEATURES)
          .allowEmptyShould(true);

  private static ArchCondition<JavaClass> beAccessedOnlyFromTheirOwnPackage() {
    return new ArchCondition<>("be accessed only from their own package") {
      @Override
      public void check(JavaClass repository, ConditionEvents events) {
        for (JavaAccess<?> access : repository.getAccessesToSelf()) {
          JavaClass origin = access.getOriginOwner();
          if (!origin.getPackageName().equals(repository.getPackageName())) {
            events.add(SimpleConditionEvent.violated(access, access.getDescription()));
          }
        }
      }
    };
  }
}
