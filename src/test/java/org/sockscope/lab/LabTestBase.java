package org.sockscope.lab;

import org.junit.jupiter.api.AfterEach;

import java.time.Duration;

/** A fresh lab per test, closed after it; {@link #T} bounds every wait. */
abstract class LabTestBase {
    static final Duration T = Duration.ofSeconds(5);
    final Lab lab = new Lab();

    @AfterEach
    void closeLab() {
        lab.close();
    }
}
