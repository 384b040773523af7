package dev.launchc.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.launchc.pipeline.CompileResult;
import dev.launchc.pipeline.PipelineFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Raw bytes as a cluster's join token file ({@code join.token.fromFile}) through the compile
 * pipeline: the token is used exactly (stripped) when it is usable, the input is refused as
 * unusable otherwise (the CLI's exit 2); never an exception, never the token's content or length in
 * the message, never a partial tree. Seeds: {@code TokenSourceFuzzTestInputs/tokenSource/}.
 */
class TokenSourceFuzzTest {
    private static final Path DIR = PipelineFixtures.tempDir("launchc-token-fuzz-");
    private static final String CLUSTER = "apiVersion: launchc.dev/v1alpha1\nkind: Cluster\nmetadata: {name: edge}\nspec:\n"
            + "  microk8s: \"1.32\"\n  join:\n    token: {fromFile: token.txt}\n"
            + "  nodes:\n    - {name: cp-1, role: control-plane, address: 10.0.0.11}\n";

    private static final java.util.Set<String> REFUSALS = java.util.Set.of(
            "join token from token.txt is not usable: it needs 32 to 256 characters from A-Z a-z 0-9 . _ ~ + = -"
                    + " (make one with 'openssl rand -hex 16')",
            "join token: token.txt is empty",
            "join token: cannot read token.txt: it is not UTF-8 text",
            "join token: token.txt is larger than a token file can be (at most 4096 bytes; a token has at most 256"
                    + " characters)");

    @FuzzTest(maxDuration = FuzzSupport.BUDGET)
    void tokenSource(byte[] bytes) {
        Path cluster = PipelineFixtures.write(DIR.resolve("cluster.yaml"), CLUSTER);
        PipelineFixtures.write(DIR.resolve("token.txt"), bytes);
        CompileResult r = FuzzSupport.compile(cluster);
        String token = new String(bytes, StandardCharsets.UTF_8).strip();
        if (r.compiled()) {
            assertTrue(token.matches("[A-Za-z0-9._~+=-]{32,256}"), () -> "an unusable token was accepted: " + FuzzSupport.findings(r));
            assertTrue(FuzzSupport.file(r, "nodes/cp-1/seed/microk8s.yaml").contains(token), "the seed lacks the token");
        } else {
            assertEquals(CompileResult.Status.UNUSABLE, r.status(), () -> FuzzSupport.findings(r));
            assertNull(r.tree(), "a partial tree");
            // One of these fixed messages and nothing else: no content, no length of the token.
            assertTrue(REFUSALS.contains(r.problem()), () -> "not one of the fixed refusals: " + FuzzSupport.findings(r));
        }
    }
}
