package org.sockscope.ui.scenario;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The scenario mode's layers: the session side and the Snapshot mapping are plain Java; nothing reaches into the playground. */
class ScenarioLayerTest {
    private static JavaClasses scenario;

    @BeforeAll
    static void importScenarioMode() {
        scenario = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.sockscope.ui.scenario");
    }

    @Test
    void sessionWorkAndMappingArePlainJava() {
        noClasses().that().haveSimpleNameStartingWith("SessionRunner")
                .or().haveSimpleNameStartingWith("ScreenMapper")
                .or().haveSimpleNameStartingWith("Screen")
                .or().haveSimpleNameStartingWith("ColumnState")
                .or().haveSimpleNameStartingWith("StreamLedger")
                .or().haveSimpleNameStartingWith("StepLog")
                .or().haveSimpleNameStartingWith("BufferUse")
                .or().haveSimpleNameStartingWith("Verdict")
                .or().haveSimpleNameStartingWith("Describe")
                .or().haveSimpleNameStartingWith("ScenarioFiles")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("blocking session work runs off the FX thread, and the mapping is tested without a toolkit")
                .check(scenario);
    }

    @Test
    void scenarioModeDoesNotDependOnThePlayground() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.sockscope.ui.playground..")
                .because("the two modes share widgets, not each other's code")
                .check(scenario);
    }

    @Test
    void scenarioModeNeverDrivesTheLabDirectly() {
        // Payload (the letters of the bytes) and LabException (a failed set-up) are data, not the lab.
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("org.sockscope.lab.Lab")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.sockscope.lab.Actor")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.sockscope.lab.Call")
                .because("every call goes through ScenarioSession on the session thread")
                .check(scenario);
    }
}
