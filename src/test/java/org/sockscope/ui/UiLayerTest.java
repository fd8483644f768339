package org.sockscope.ui;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The UI's own layer rules: mapping is plain Java, widgets know nothing of the playground. */
class UiLayerTest {
    private static JavaClasses ui;

    @BeforeAll
    static void importUi() {
        ui = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.sockscope.ui");
    }

    @Test
    void snapshotToDrawingMappingIsPlainJava() {
        noClasses().that().haveSimpleNameStartingWith("ProcessMapper")
                .or().haveSimpleNameStartingWith("StreamLedger")
                .or().haveSimpleNameStartingWith("LogLines")
                .or().haveSimpleNameStartingWith("OtherDescriptors")
                .or().haveSimpleNameStartingWith("ProcessState")
                .or().haveSimpleNameStartingWith("LabDriver")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("the mapping from Snapshot to what is drawn is tested without a toolkit")
                .check(ui);
    }

    @Test
    void widgetsAreReusableWithoutThePlayground() {
        noClasses().that().resideInAPackage("org.sockscope.ui.widget..")
                .should().dependOnClassesThat().resideInAPackage("org.sockscope.ui.playground..")
                .orShould().dependOnClassesThat().resideInAPackage("org.sockscope.lab..")
                .because("the scenario mode reuses the widgets")
                .check(ui);
    }

    @Test
    void widgetStateRecordsAreImmutableData() {
        classes().that().resideInAPackage("org.sockscope.ui.widget..").and().areRecords()
                .should().onlyDependOnClassesThat().resideOutsideOfPackage("javafx..")
                .check(ui);
    }
}
