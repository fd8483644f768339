package org.sockscope;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layer rules of DESIGN.md, enforced on the compiled main classes. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.sockscope");
    }

    @Test
    void onlyUiDependsOnJavaFx() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("org.sockscope.ui..")
                .and().doNotHaveFullyQualifiedName(Launcher.class.getName())
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("only the ui layer may use JavaFX (DESIGN.md rule 1)");
        rule.check(classes);
    }

    @Test
    void onlyPosixUsesForeignMemory() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("org.sockscope.posix..")
                .should().dependOnClassesThat().resideInAPackage("java.lang.foreign..")
                .because("only posix calls native code (DESIGN.md)");
        rule.check(classes);
    }

    @Test
    void engineNeverDependsOnUi() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("org.sockscope.ui..")
                .and().doNotHaveFullyQualifiedName(Launcher.class.getName())
                .should().dependOnClassesThat().resideInAPackage("org.sockscope.ui..")
                .because("the engine records, the UI renders: the flow goes one way");
        rule.check(classes);
    }
}
