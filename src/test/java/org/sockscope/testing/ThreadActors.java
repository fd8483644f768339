package org.sockscope.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.sockscope.lab.agent.Worlds;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs each test of a class with {@code -Dsockscope.actors=threads}: the lesson's processes are
 * threads of the test's JVM on real sockets and pipes, as the app's own switch makes them, instead
 * of a JVM started per process (about 0.5 s each from the test class path). For tests of the
 * screen and of the decision paths, where a JVM start per process would be most of their time (it
 * sets the property before each test, after TestFX's {@code @Start}: a test whose app reads it at
 * start, as the playground does, sets it in {@code @Start} itself); a scenario that spawns a
 * process still runs on real processes, and a test marked {@link RealProcesses} runs as the app does
 * by default. Every bundled scenario also runs on real processes in {@code BundledScenariosRunTest}.
 */
public final class ThreadActors implements BeforeEachCallback, AfterEachCallback {

    /** A test that needs each lesson process to be a real process (its pid, its own table). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface RealProcesses {
    }

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(ThreadActors.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        String before = System.getProperty(Worlds.PROPERTY);
        context.getStore(NS).put("before", before == null ? "" : before);
        if (context.getRequiredTestMethod().isAnnotationPresent(RealProcesses.class)) {
            System.clearProperty(Worlds.PROPERTY);
        } else {
            System.setProperty(Worlds.PROPERTY, "threads");
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        String before = context.getStore(NS).get("before", String.class);
        if (before == null || before.isEmpty()) {
            System.clearProperty(Worlds.PROPERTY);
        } else {
            System.setProperty(Worlds.PROPERTY, before);
        }
    }
}
