package io.settlehub.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.settlehub.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** settlement, ledger and payout: each a pure model, its application service, and its adapters beside it (decision 0012). */
    @ArchTest
    static final ArchRule the_business_models_know_no_framework_and_no_adapter = noClasses()
            .that().resideInAnyPackage("io.settlehub.core.settlement", "io.settlehub.core.ledger", "io.settlehub.core.payout")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.camel..", "java.sql..",
                    "jakarta..", "io.settlehub.core.jdbc..", "io.settlehub.core.api..", "io.settlehub.core.*.store..",
                    "io.settlehub.core.*.service..", "io.settlehub.core.*.messaging..");

    @ArchTest
    static final ArchRule repositories_call_no_service = noClasses()
            .that().resideInAnyPackage("io.settlehub.core.*.store..")
            .should().dependOnClassesThat().resideInAnyPackage("io.settlehub.core.*.service..", "io.settlehub.core.*.messaging..",
                    "io.settlehub.core.api..");

    @ArchTest
    static final ArchRule only_the_api_serves_http = noClasses()
            .that().resideOutsideOfPackage("..core.api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web.bind..");
}
