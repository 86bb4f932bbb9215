package org.crisiscoordination.command;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/** The command service's shape: aggregates free of Spring, no way to the query side, no cycles. */
class CommandServiceArchitectureTest {

    private static final String[] AGGREGATES = {"org.crisiscoordination.command.crisis.Crisis",
            "org.crisiscoordination.command.channel.MajorPowerChannel",
            "org.crisiscoordination.command.mechanism.SecurityMechanism"};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.crisiscoordination.command");
    }

    @Test
    void everyAggregateTheRulesNameExists() {
        for (String aggregate : AGGREGATES) {
            assertThat(classes.contain(aggregate)).as(aggregate).isTrue();
        }
    }

    @Test
    void aggregatesKeepSpringOut() {
        noClasses().that().haveFullyQualifiedName(AGGREGATES[0])
                .or().haveFullyQualifiedName(AGGREGATES[1])
                .or().haveFullyQualifiedName(AGGREGATES[2])
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .check(classes);
    }

    @Test
    void neverDependsOnTheQueryService() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.crisiscoordination.query..")
                .check(classes);
    }

    @Test
    void featurePackagesFormNoCycles() {
        slices().matching("org.crisiscoordination.command.(*)..").should().beFreeOfCycles().check(classes);
    }
}
