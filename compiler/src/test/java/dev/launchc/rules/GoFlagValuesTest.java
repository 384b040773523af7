package dev.launchc.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.KubeFlags;
import dev.launchc.catalog.Track;
import dev.launchc.resolve.KubeArgs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * GoFlagValues against Go's parsers as spf13/pflag calls them: strconv.ParseInt(s, 0, 64|32) and
 * ParseUint(s, 0, 64) (strconv/atoi.go: base prefixes 0x 0o 0b and a bare leading 0 for octal,
 * underscores only in base 0 and only where underscoreOK allows), strconv.ParseFloat(s, 64)
 * (strconv/atof.go: readFloat, special), time.ParseDuration (time/format.go: a unit on every
 * number, "0" alone excepted; unitMap ns us µs μs ms s m h; at most 2^63-1 ns).
 */
class GoFlagValuesTest {

    @ParameterizedTest(name = "int {0}")
    @ValueSource(strings = {"0", "110", "-5", "+5", "0x6e", "0X6E", "0o156", "0b1101110", "1_000", "0x_6e", "9223372036854775807",
        "-9223372036854775808"})
    void integersGoAccepts(String value) {
        assertNull(GoFlagValues.problem("int", value), value);
    }

    @ParameterizedTest(name = "int {0}")
    @ValueSource(strings = {"", "110x", "1.5", "1e3", "+", "-", "0x", "0b", "0o", "0b102", "0xg", "1__0", "_1", "1_", "1 0",
        "９", "٣", "9223372036854775808", "-9223372036854775809", "110 ", "true"})
    void integersGoRefuses(String value) {
        assertNotNull(GoFlagValues.problem("int", value), value);
    }

    @Test
    void int32AndUintHaveTheirOwnRange() {
        assertNull(GoFlagValues.problem("int32", "2147483647"));
        assertNull(GoFlagValues.problem("int32", "-2147483648"));
        assertTrue(GoFlagValues.problem("int32", "2147483648").contains("out of range"));
        assertTrue(GoFlagValues.problem("int32", "-2147483649").contains("out of range"));
        assertNull(GoFlagValues.problem("uint", "18446744073709551615"));
        assertTrue(GoFlagValues.problem("uint", "18446744073709551616").contains("out of range"));
        // ParseUint takes no sign at all.
        assertNotNull(GoFlagValues.problem("uint", "+5"));
        assertNotNull(GoFlagValues.problem("uint", "-5"));
        assertNull(GoFlagValues.problem("uint", "0x10"));
    }

    @ParameterizedTest(name = "float {0}")
    @ValueSource(strings = {"5", "0.5", ".5", "5.", "-1.5", "+2", "1e3", "1E-3", "1e+3", "1_000.5", "0x1p-2", "0X1.8P3", "0x.8p1",
        "inf", "+Inf", "-INF", "infinity", "Infinity", "NaN", "nan", "1e-400"})
    void numbersGoAccepts(String value) {
        assertNull(GoFlagValues.problem("float", value), value);
    }

    @ParameterizedTest(name = "float {0}")
    @ValueSource(strings = {"", "fast", "1,5", ".", "1.2.3", "1e", "e5", "1e_5", "1_e5", "0x1.8", "0x", "0x1p", "+nan", "infin",
        "1d", "1f", " 1", "1 ", "1e400", "-1e400", "_1", "1__0", "٣"})
    void numbersGoRefuses(String value) {
        assertNotNull(GoFlagValues.problem("float", value), value);
    }

    @ParameterizedTest(name = "duration {0}")
    @ValueSource(strings = {"0", "-0", "+0", "10s", "1m30s", "1h30m", "1.5h", ".5s", "1.s", "-5m", "300ms", "10us", "10µs", "10μs",
        "10ns", "2562047h47m16.854775807s", "-2562047h47m16.854775808s", "0s", "1h1h"})
    void durationsGoAccepts(String value) {
        assertNull(GoFlagValues.problem("duration", value), value);
    }

    @ParameterizedTest(name = "duration {0}")
    @ValueSource(strings = {"", "10", "10 s", "10sec", "1d", "1w", "s", ".s", "-.s", "+", "-", "1.5", "10S", "1h 30m", "00",
        "2562047h47m16.854775808s", "9223372036854775808ns", "99999999999999999999s", "ten seconds", "1e3s"})
    void durationsGoRefuses(String value) {
        assertNotNull(GoFlagValues.problem("duration", value), value);
    }

    @Test
    void whatIsWrongIsSaid() {
        assertEquals("'10' has no unit", GoFlagValues.problem("duration", "10"));
        assertEquals("'10sec' has an unknown unit 'sec'", GoFlagValues.problem("duration", "10sec"));
        assertEquals("'110x' is not an integer", GoFlagValues.problem("int", "110x"));
        assertNull(GoFlagValues.problem("string", "anything at all"), "types other than the five are not checked here");
        assertNull(GoFlagValues.problem("quantity", "1x"));
    }

    /**
     * No false finding on what MicroK8s itself ships: every default args file of every track
     * (the snap's args files, which its components start with) passes for each flag's type, and
     * each flag with a fixed set of names (the catalog's flagValues: --authorization-mode=RBAC,Node) for its names.
     */
    @Test
    void everyDefaultArgOfEveryTrackPasses() {
        int checked = 0;
        List<String> failures = new ArrayList<>();
        for (String name : Catalog.get().tracks()) {
            Track track = Catalog.get().track(name).orElseThrow();
            KubeFlags kube = Catalog.get().kube(track.kubernetesMinor()).orElseThrow();
            for (String component : List.of("kubelet", "kube-apiserver", "kube-proxy", "kube-controller-manager", "kube-scheduler")) {
                String file = track.defaultArgs().get(component);
                if (file == null) {
                    continue;
                }
                for (String line : file.split("\n")) {
                    int eq = line.indexOf('=');
                    if (!line.startsWith("--") || eq < 0) {
                        continue;
                    }
                    KubeFlags.Flag flag = kube.flag(component, line.substring(0, eq));
                    String value = KubeArgs.kubeliteView(line.substring(eq + 1));
                    if (flag == null || value.contains("$")) {
                        continue;
                    }
                    KubeFlags.Choices choices = kube.choices(component, line.substring(0, eq));
                    if (choices != null) {
                        checked++;
                        String problem = KubeFlagRule.notAChoice(choices, value);
                        if (problem != null) {
                            failures.add(name + " " + component + " " + line + ": " + problem);
                        }
                    }
                    if (List.of("int", "int32", "uint", "float", "duration").contains(flag.type())) {
                        checked++;
                        String problem = GoFlagValues.problem(flag.type(), value);
                        if (problem != null) {
                            failures.add(name + " " + component + " " + line + ": " + problem);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(checked >= 10, "typed default args checked: " + checked);
    }

    /**
     * A file-sized value costs linear time and gives a one-line message: BigInteger's parsing is
     * quadratic in the digits, so no more than 64 significant digits (more fit no 64-bit type) reach it.
     */
    @Test
    void aHugeValueIsJudgedQuicklyAndQuotedShort() {
        String zeros = "0".repeat(1_000_000);
        assertNull(GoFlagValues.problem("int", "0x" + zeros + "1"), "leading zeros are no size");
        assertNull(GoFlagValues.problem("duration", zeros + "1s"));
        assertNull(GoFlagValues.problem("duration", "1." + "5".repeat(1_000_000) + "s"));
        for (String type : List.of("int", "int32", "uint", "float", "duration")) {
            String problem = GoFlagValues.problem(type, "1" + zeros);
            assertNotNull(problem, type);
            assertTrue(problem.length() < 120, type + ": " + problem.length() + " characters");
        }
        String emoji = "9".repeat(36) + "\uD83D\uDE00" + "9".repeat(10);
        String quoted = GoFlagValues.problem("int", emoji);
        assertTrue(quoted.startsWith("'" + "9".repeat(36) + "...'"), "a surrogate pair is not cut in half: " + quoted);
    }

    private static final String PORT_RANGE = "<a string in the form 'N1-N2'>";

    /** apimachinery util/net/port_range.go, PortRange.Set. */
    @ParameterizedTest(name = "port range {0}")
    @ValueSource(strings = {"30000-32767", "80-32767", "30000", "30000+2767", " 30000-32767 ", "", "0-0", "65535"})
    void portRangesApimachineryAccepts(String value) {
        assertNull(GoFlagValues.problem(PORT_RANGE, value), value);
    }

    @ParameterizedTest(name = "port range {0}")
    @ValueSource(strings = {"30000:32767", "30000-", "-32767", "30000-32767-1", "30000+1-2", "30000 - 32767", "3e4-32767",
        "32767-30000", "30000-65536", "65000+1000", "70000", "0x10-0x20", "30_000-32767", "+80-90", "+80", "-0"})
    void portRangesApimachineryRefuses(String value) {
        assertNotNull(GoFlagValues.problem(PORT_RANGE, value), value);
    }
}
