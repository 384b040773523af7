package dev.launchc.cli;

import java.time.Clock;
import java.time.Duration;

/**
 * Runs a test body with lint's clock a minute ahead, so that the files the test has just written
 * count as settled ({@link FileStamp#SETTLE}) and lint --cache records their stamps.
 */
final class SettledClock {
    private SettledClock() {}

    interface Body {
        void run() throws Exception;
    }

    static void aMinuteLater(Body body) throws Exception {
        Clock before = LintCommand.clock;
        LintCommand.clock = Clock.offset(before, Duration.ofMinutes(1));
        try {
            body.run();
        } finally {
            LintCommand.clock = before;
        }
    }
}
