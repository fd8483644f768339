package org.sockscope.posix;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;

/**
 * Run by {@code NoLiveCliTest} in a JVM without native access: prints the live-mode check before
 * and after a restricted call (as JavaFX makes when it loads its libraries). Not a test itself.
 */
public final class NativeAccessAtStart {
    private NativeAccessAtStart() {
    }

    @SuppressWarnings("restricted") // the point: a restricted call made before LiveSupport is asked again
    public static void main(String[] args) {
        System.out.println("before: " + LiveSupport.unavailableReason().orElse("available"));
        Linker linker = Linker.nativeLinker();
        linker.downcallHandle(linker.defaultLookup().find("getpid").orElseThrow(), FunctionDescriptor.of(ValueLayout.JAVA_INT));
        System.out.println("module now: " + NativeAccessAtStart.class.getModule().isNativeAccessEnabled());
        System.out.println("after: " + LiveSupport.unavailableReason().orElse("available"));
    }
}
