package io.switchboard.api;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.switchboard.api.stream.ChainHash;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ContractPurityTest {

    private final JavaClasses contract = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.switchboard.api");

    @Test
    @DisplayName("shared-api depends on the JDK, libphonenumber and Axon's message annotations only")
    void dependsOnNothingElse() {
        classes().that().doNotHaveFullyQualifiedName(ChainHash.class.getName()).should().onlyDependOnClassesThat().resideInAnyPackage(
                        "io.switchboard.api..", "java..", "com.google.i18n.phonenumbers..",
                        "org.axonframework.modelling.command..", "org.axonframework.serialization..")
                .check(contract);
    }

    @Test
    @DisplayName("only the chain hash reads JSON (Jackson), because it is defined over the event's canonical JSON")
    void onlyTheChainHashReadsJson() {
        classes().that().haveFullyQualifiedName(ChainHash.class.getName()).should().onlyDependOnClassesThat()
                .resideInAnyPackage("io.switchboard.api..", "java..", "com.fasterxml.jackson.databind..")
                .check(contract);
    }

    @Test
    @DisplayName("events and commands are records")
    void messagesAreRecords() {
        classes().that().resideInAnyPackage("..agent..", "..number..", "..assignment..", "..org..")
                .and().areNotInterfaces().and().areNotEnums()
                .should().beRecords()
                .check(contract);
    }

    @Test
    @DisplayName("the contract knows nothing of the services")
    void noServiceCode() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.switchboard.command..",
                "io.switchboard.query..", "io.switchboard.support..").check(contract);
    }
}
