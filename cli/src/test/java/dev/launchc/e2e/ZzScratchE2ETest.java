package dev.launchc.e2e;
import org.junit.jupiter.api.Test;
import java.nio.file.Path;
import java.util.List;
class ZzScratchE2ETest {
    @Test void missingTool() { E2eProcesses.requireTool("no-such-tool-xyz"); }
    @Test void daemonDies(@org.junit.jupiter.api.io.TempDir Path t) {
        try (E2eProcesses p = new E2eProcesses(t)) {
            var d = p.start("falsey", List.of("/bin/sh", "-c", "echo boom; exit 3"));
            p.awaitHttp200(d, "http://127.0.0.1:1/");
        }
    }
    @Test void timeout(@org.junit.jupiter.api.io.TempDir Path t) {
        var r = E2eProcesses.run(t, java.time.Duration.ofSeconds(1), List.of("/bin/sleep", "100"));
        System.out.println(r.describe());
        throw new AssertionError(r.describe());
    }
}
