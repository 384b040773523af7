package dev.launchc.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.diag.Code;
import dev.launchc.diag.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No message or hint may echo a token or join URL (SPEC §3.1). */
class SecretRedactionTest {
    private static final String TOKEN = "f3a9c1d7e5b2f4a6c8d0e1f2a3b4c5d6e7f8a9b0";

    @Test
    void noFindingEchoesTheToken() {
        List<Diagnostic> all = RuleFixtures.lint("secrets/token-and-join.yaml");
        long joinFindings = all.stream().filter(d -> d.code().equals(Code.BAD_JOIN_URL.id())).count();
        assertTrue(joinFindings >= 6, "the fixture should exercise the join checks: " + all);
        assertTrue(all.stream().anyMatch(d -> d.code().equals(Code.JOIN_OVERWRITES_KUBELET_ARGS.id())), all::toString);
        for (Diagnostic d : all) {
            for (String text : new String[] {d.message(), d.hint()}) {
                if (text == null) {
                    continue;
                }
                assertFalse(text.contains(TOKEN), () -> d.code() + " echoes the token: " + text);
                assertFalse(text.contains(TOKEN.substring(0, 16)), () -> d.code() + " echoes part of the token: " + text);
            }
        }
    }
}
