package org.crisiscoordination.query;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The query service's shape: it knows the published language, never the command service. */
class QueryServiceArchitectureTest {

    private static final String QUERY = "org.crisiscoordination.query";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(QUERY);
    }

    @Test
    void everyPackageTheRulesNameExists() {
        assertThat(classes.stream().map(c -> c.getPackageName()).distinct())
                .contains(QUERY + ".board", QUERY + ".audit", QUERY + ".projection", QUERY + ".web",
                        QUERY + ".config", QUERY + ".hotspot", QUERY + ".deadletter");
    }

    @Test
    void theQueryServiceDoesNotDependOnTheCommandService() {
        noClasses().that().resideInAPackage(QUERY + "..")
                .should().dependOnClassesThat().resideInAPackage("org.crisiscoordination.command..")
                .check(classes);
    }

    @Test
    void theBoardAndTheAuditDoNotDependOnEachOther() {
        noClasses().that().resideInAPackage(QUERY + ".board..")
                .should().dependOnClassesThat().resideInAPackage(QUERY + ".audit..")
                .check(classes);
        noClasses().that().resideInAPackage(QUERY + ".audit..")
                .should().dependOnClassesThat().resideInAPackage(QUERY + ".board..")
                .check(classes);
    }

    @Test
    void theWebInfrastructureDoesNotDependOnAFeature() {
        noClasses().that().resideInAnyPackage(QUERY + ".web..", QUERY + ".projection..", QUERY + ".config..")
                .should().dependOnClassesThat().resideInAnyPackage(QUERY + ".board..", QUERY + ".audit..",
                        QUERY + ".hotspot..", QUERY + ".deadletter..")
                .check(classes);
    }

    @Test
    void controllersArePackagePrivate() {
        classes().that().areAnnotatedWith(RestController.class)
                .should().notBePublic()
                .check(classes);
    }
}
