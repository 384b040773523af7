package dev.launchc.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Raw bytes as a cluster's join token file ({@code join.token.fromFile}) through {@code launchc
 * compile}: the token is used exactly (stripped) when it is usable, refused with exit 2 otherwise;
 * never a trace, never the token's content or length in any message, never a partial output.
 * Seeds: {@code TokenSourceFuzzTestInputs/tokenSource/}.
 */
class TokenSourceFuzzTest {
    private static final Path DIR = FuzzSupport.tempDir("launchc-token-fuzz-");
    private static final String CLUSTER = "apiVersion: launchc.dev/v1alpha1\nkind: Cluster\nmetadata: {name: edge}\nspec:\n"
            + "  microk8s: \"1.32\"\n  join:\n    token: {fromFile: token.txt}\n"
            + "  nodes:\n    - {name: cp-1, role: control-plane, address: 10.0.0.11}\n";

    private static final java.util.Set<String> REFUSALS = java.util.Set.of(
            "launchc: join token from token.txt is not usable: it needs 32 to 256 characters from A-Z a-z 0-9 . _ ~ + = -"
                    + " (make one with 'openssl rand -hex 16')",
            "launchc: join token: token.txt is empty",
            "launchc: join token: cannot read token.txt: it is not UTF-8 text",
            "launchc: join token: token.txt is larger than a token file can be (at most 4096 bytes; a token has at most 256"
                    + " characters)");

    @FuzzTest(maxDuration = FuzzSupport.BUDGET)
    void tokenSource(byte[] bytes) throws IOException {
        Path cluster = Cli.write(DIR.resolve("cluster.yaml"), CLUSTER);
        Cli.write(DIR.resolve("token.txt"), bytes);
        Path out = DIR.resolve("out");
        try {
            Cli.Run r = Cli.run("compile", "-o", out.toString(), cluster.toString());
            assertTrue(r.clean(), r::describe);
            String token = new String(bytes, StandardCharsets.UTF_8).strip();
            if (r.code() == 0) {
                assertTrue(token.matches("[A-Za-z0-9._~+=-]{32,256}"), () -> "an unusable token was accepted: " + r.describe());
                assertTrue(Cli.read(out.resolve("nodes/cp-1/seed/microk8s.yaml")).contains(token), "the seed lacks the token");
            } else {
                assertEquals(2, r.code(), r::describe);
                assertFalse(Files.exists(out), "something was written");
                // One of these fixed lines and nothing else: no content, no length of the token.
                String[] lines = r.err().split("\n");
                String last = lines[lines.length - 1];
                assertTrue(REFUSALS.contains(last), () -> "not one of the fixed refusals: " + r.describe());
            }
        } finally {
            if (Files.exists(out)) {
                try (Stream<Path> walk = Files.walk(out)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }
}
