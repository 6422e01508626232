package io.switchboard.command;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private final JavaClasses commandSide = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.switchboard.command");

    @Test
    @DisplayName("the command service never reaches into the query service")
    void noQuerySide() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.switchboard.query..").check(commandSide);
    }

    @Test
    @DisplayName("aggregates and their rules use no Spring, no JDBC and no web types")
    void domainIsFrameworkFree() {
        noClasses().that().haveSimpleNameEndingWith("Rules")
                .or().haveSimpleName("Agent").or().haveSimpleName("PhoneNumber")
                .or().haveSimpleName("Assignment").or().haveSimpleName("OrgPolicy")
                .or().haveSimpleName("DetailsPolicy").or().haveSimpleName("AgentName")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..",
                        "org.springframework.web..", "jakarta.servlet..", "io.switchboard.support.web..",
                        "io.switchboard.command.registry..")
                .check(commandSide);
    }

    @Test
    @DisplayName("controllers send commands through CommandSender only, never to repositories or the registry's writer")
    void controllersTalkToGateways() {
        noClasses().that().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Projection")
                .orShould().dependOnClassesThat().resideInAPackage("org.axonframework.modelling..")
                .orShould().dependOnClassesThat().resideInAPackage("org.springframework.jdbc..")
                .check(commandSide);
    }

    @Test
    @DisplayName("aggregates are package-private: only Axon and their own feature touch them")
    void aggregatesArePackagePrivate() {
        classes().that().haveSimpleName("Agent").or().haveSimpleName("PhoneNumber")
                .or().haveSimpleName("Assignment").or().haveSimpleName("OrgPolicy")
                .should().notBePublic()
                .check(commandSide);
    }
}
