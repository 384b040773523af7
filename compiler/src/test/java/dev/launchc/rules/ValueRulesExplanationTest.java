package dev.launchc.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.diag.Code;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every code the value rules emit has its long explanation for {@code launchc explain}. */
class ValueRulesExplanationTest {
    private static final Set<Code> CODES = EnumSet.of(Code.ARG_KEY_NOT_A_FLAG, Code.ENV_KEY_NOT_A_NAME,
            Code.VALUE_HAS_LINE_BREAK, Code.VALUE_HAS_SPACE, Code.BAD_SAN, Code.CNI_BAD_CIDR,
            Code.CNI_FAMILY_INCOMPLETE, Code.CNI_NO_FAMILY, Code.CNI_UNSUPPORTED, Code.CNI_BAD_BOOLEAN,
            Code.CLUSTER_DNS_OUTSIDE_SERVICES, Code.BAD_REGISTRY_NAME, Code.REGISTRY_PATH_TRAVERSAL,
            Code.BAD_HOSTS_TOML, Code.BAD_CAPABILITY, Code.BAD_CONFIG_FILE_NAME, Code.BAD_JOIN_URL,
            Code.SHORT_TOKEN, Code.SERVICE_IP_NOT_IN_SANS, Code.JOIN_OVERWRITES_KUBELET_ARGS,
            Code.HOSTS_TOML_WITHOUT_HOST);

    @Test
    void everyCodeIsExplained() {
        for (Code code : CODES) {
            String text = code.explanation();
            assertTrue(text.startsWith("# " + code.id() + ": " + code.title() + "\n"), code.id() + ": " + text);
            for (String section : new String[] {"## Why it matters on the node", "## Example", "## Fix", "```yaml"}) {
                assertTrue(text.contains(section), code.id() + " lacks " + section);
            }
            assertTrue(text.contains(code.severityIn(dev.launchc.diag.Mode.DEFAULT).label() + " " + code.id() + ":"),
                    code.id() + " shows no example finding");
        }
    }
}
