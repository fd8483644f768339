package org.sockscope.lab;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.sockscope.posix.SysResult;

import java.util.List;

/**
 * When a {@link Call.Repeat} stops: a condition on one call's result, kept as plain data so that it
 * can travel to the process that makes the calls.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Until.Returns.class, name = "returns"),
    @JsonSubTypes.Type(value = Until.Fails.class, name = "fails"),
    @JsonSubTypes.Type(value = Until.Not.class, name = "not"),
    @JsonSubTypes.Type(value = Until.All.class, name = "all"),
    @JsonSubTypes.Type(value = Until.Never.class, name = "never"),
})
public sealed interface Until {

    /** True when the loop stops on this result. */
    boolean test(SysResult r);

    /** The call succeeded with a value in {@code [min, max]}. */
    record Returns(long min, long max) implements Until {
        public boolean test(SysResult r) {
            return !r.failed() && r.value() >= min && r.value() <= max;
        }
    }

    /** The call returned -1 with {@code errno} (0: any errno). */
    record Fails(int errno) implements Until {
        public boolean test(SysResult r) {
            return r.failed() && (errno == 0 || r.errno() == errno);
        }
    }

    /** The inner condition does not hold. */
    record Not(Until inner) implements Until {
        public boolean test(SysResult r) {
            return !inner.test(r);
        }
    }

    /** Every part holds. */
    record All(List<Until> parts) implements Until {
        public All {
            parts = List.copyOf(parts);
        }

        public boolean test(SysResult r) {
            return parts.stream().allMatch(p -> p.test(r));
        }
    }

    /** Never: the loop runs until its limit or until it is stopped. */
    record Never() implements Until {
        public boolean test(SysResult r) {
            return false;
        }
    }
}
