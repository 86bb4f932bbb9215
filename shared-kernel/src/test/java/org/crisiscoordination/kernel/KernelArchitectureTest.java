package org.crisiscoordination.kernel;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The published language stays free of frameworks and of anything that touches a database. */
@AnalyzeClasses(packages = "org.crisiscoordination.kernel", importOptions = ImportOption.DoNotIncludeTests.class)
class KernelArchitectureTest {

    @ArchTest
    static final ArchRule noSpringNorPersistenceInTheKernel = noClasses()
            .that().resideInAPackage("org.crisiscoordination.kernel..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "java.sql..", "javax.sql..", "jakarta.persistence..")
            .because("the shared kernel is the published language only; services bring the infrastructure");
}
