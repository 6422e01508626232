package io.switchboard.query;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = {"io.switchboard.query", "io.switchboard.api.query"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] WEB = {"org.springframework.web..", "org.springframework.http..",
            "jakarta.servlet..", "io.switchboard.support.web..", "io.swagger..", "org.springdoc.."};

    @ArchTest
    static final ArchRule never_reaches_into_the_command_service = noClasses()
            .that().resideInAPackage("io.switchboard.query..")
            .should().dependOnClassesThat().resideInAPackage("io.switchboard.command..");

    @ArchTest
    static final ArchRule read_models_do_not_depend_on_web = noClasses()
            .that(readModels())
            .should().dependOnClassesThat().resideInAnyPackage(WEB)
            .orShould().dependOnClassesThat().areAnnotatedWith(RestController.class);

    @ArchTest
    static final ArchRule query_replies_are_plain_records = classes()
            .that().resideInAPackage("io.switchboard.api.query..")
            .should().beRecords()
            .andShould().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.switchboard.api..");

    /** Projections, repositories and what they build SQL from; PageParameters is the web side of paging. */
    private static DescribedPredicate<JavaClass> readModels() {
        return simpleNameEndingWith("Projection")
                .or(simpleNameEndingWith("Repository"))
                .or(resideInAnyPackage("io.switchboard.query.sql..", "io.switchboard.query.access..",
                        "io.switchboard.query.paging..").and(not(simpleName("PageParameters"))))
                .as("read models and the SQL they are built from");
    }
}
