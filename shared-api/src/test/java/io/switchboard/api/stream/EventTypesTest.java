package io.switchboard.api.stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EventTypesTest {

    @Test
    @DisplayName("every event of shared-api (a record with a @Revision) has a published type name, and names are unique")
    void everyEventHasAPublishedType() {
        List<Class<?>> events = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.switchboard.api").stream()
                .filter(type -> type.isAnnotatedWith(Revision.class))
                .<Class<?>>map(JavaClass::reflect)
                .toList();

        assertThat(events).hasSizeGreaterThanOrEqualTo(14);
        assertThat(EventTypes.all().keySet()).containsExactlyInAnyOrderElementsOf(events);
        Set<String> names = new HashSet<>();
        EventTypes.all().values().forEach(type -> assertThat(names.add(type.name())).as(type.name()).isTrue());
        assertThat(names).allMatch(name -> name.matches("io\\.switchboard\\.[a-z]+\\.[a-z-]+\\.v[0-9]+"));
    }
}
