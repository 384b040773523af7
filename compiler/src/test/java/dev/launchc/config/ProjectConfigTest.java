package dev.launchc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.diag.Mode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProjectConfigTest {
    private static ProjectConfig.Parsed parse(String yaml) {
        return ProjectConfig.parse(".launchc.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsEveryKey() {
        ProjectConfig c = parse("""
                target: "1.30"
                mode: strict
                disable: [LC2002, lc3008]
                enable: [LC3008]
                exclude: ["vendor/**"]
                overrides:
                  - files: ["legacy/**"]
                    disable: [LC1003]
                """).config();
        assertEquals("1.30", c.target());
        assertEquals(Mode.STRICT, c.mode());
        assertEquals(Set.of("LC2002"), c.disabledFor("site/a.yaml"), "enable wins over disable at the same level");
        assertEquals(Set.of("LC2002", "LC1003"), c.disabledFor("legacy/old/a.yaml"));
        assertTrue(c.excludes("vendor/x/y.yaml"));
        assertFalse(c.excludes("site/vendor.yaml"));
    }

    @Test
    void laterOverridesWin() {
        ProjectConfig c = parse("""
                disable: [LC2002]
                overrides:
                  - files: ["**/*.yaml"]
                    enable: [LC2002]
                  - files: ["edge/*.yaml"]
                    disable: [LC2002]
                """).config();
        assertEquals(Set.of(), c.disabledFor("a.yaml"), "**/ also matches at the top");
        assertEquals(Set.of("LC2002"), c.disabledFor("edge/a.yaml"));
    }

    @Test
    void anEmptyFileIsNoSettings() {
        ProjectConfig.Parsed p = parse("# nothing yet\n");
        assertEquals(ProjectConfig.EMPTY, p.config());
        assertNull(p.config().target());
    }

    @Test
    void unknownKeysUnknownCodesAndProtectiveCodesAreRefused() {
        ProjectConfig.Parsed typo = parse("disabel: [LC2002]\n");
        assertTrue(typo.failed());
        assertEquals("LC1002", typo.problems().get(0).code());
        assertEquals("did you mean disable?", typo.problems().get(0).hint());
        assertTrue(parse("disable: [LC9999]\n").failed());
        ProjectConfig.Parsed guard = parse("disable: [LC1020]\n");
        assertTrue(guard.failed());
        assertTrue(guard.problems().get(0).message().contains("cannot be disabled"), guard.problems().toString());
        assertTrue(parse("mode: loose\n").failed());
        assertTrue(parse("target: 1.30\n").failed(), "an unquoted 1.30 is the number 1.3");
        assertEquals(List.of(), parse("enable: [LC1020]\n").problems(), "enabling a protective code is harmless");
    }
}
