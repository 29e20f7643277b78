package io.settlehub.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.settlehub.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule settlement_rules_and_ledger_know_no_framework = noClasses()
            .that().resideInAnyPackage("..core.settlement..", "..core.ledger..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.camel..", "java.sql..",
                    "jakarta..", "io.settlehub.core.store..", "io.settlehub.core.api..");

    @ArchTest
    static final ArchRule only_the_api_serves_http = noClasses()
            .that().resideOutsideOfPackage("..core.api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web.bind..");
}
