package dev.launchc.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.launchc.catalog.Catalog;
import dev.launchc.diag.Diagnostic;
import dev.launchc.diag.Mode;
import dev.launchc.load.LoadLimits;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The accept/reject verdicts of MicroK8s' own parser tests (cluster agent schema_test.go, reference
 * launch-config-facts §6.2), written here as equivalent inputs. Under --compat, launchc must reach
 * the same verdict: errors exactly when MicroK8s refuses the file.
 */
class MicroK8sVerdictTest {

    @ParameterizedTest(name = "{0} on {1}: accepted={2}")
    @CsvSource(delimiter = '|', textBlock = """
            full 0.2.0 (every field)                 | 1.36 | true  | ---\\nversion: 0.2.0\\npersistentClusterToken: my-token\\nextraSANs: [10.10.10.10, microk8s.example.com]\\nextraKubeAPIServerArgs: {--authorization-mode: RBAC,Node, --event-ttl: null}\\nextraContainerdArgs: {-l: debug}\\nextraDqliteArgs: {--disk-mode: "true"}\\naddons:\\n  - name: dns\\n  - name: mayastor\\n    args: [--default-pool-size, 20GB]\\n  - name: registry\\n    disable: true\\naddonRepositories:\\n  - {name: core, url: https://github.com/canonical/microk8s-core-addons}\\n  - {name: community, url: /snap/microk8s/current/addons/community, reference: 1.26}\\ncontainerdRegistryConfigs: {docker.io: 'server = "http://my.proxy:5000"'}\\njoin: {url: 10.0.0.10:25000/my-token/hash, worker: true}\\nextraCNIEnv: {IPv4_SUPPORT: true, IPv4_CLUSTER_CIDR: 10.2.0.0/16, IPv4_SERVICE_CIDR: 10.153.183.0/24}\\nextraFIPSEnv: {GOFIPS: 1}\\n
            full 0.1.0 on 1.27                       | 1.27 | true  | version: 0.1.0\\npersistentClusterToken: my-token\\naddons: [{name: dns}]\\njoin: {url: 10.0.0.10:25000/my-token/hash, worker: true}\\n
            multi-part                               | 1.36 | true  | ---\\nversion: 0.1.0\\naddons:\\n  - name: dns\\n---\\nversion: 0.1.0\\naddons:\\n  - name: rbac\\n
            multi-part with header                   | 1.36 | true  | # header comment\\n---\\n# only a comment\\n---\\nversion: 0.1.0\\naddons:\\n  - name: dns\\n---\\nversion: 0.1.0\\naddons:\\n  - name: rbac\\n
            unknown fields are ignored               | 1.36 | true  | version: 0.1.0\\nx-unknown-field: 1\\n
            extra-sans absent and empty              | 1.36 | true  | ---\\nversion: 0.1.0\\naddons: [{name: dns}]\\n---\\nversion: 0.1.0\\nextraSANs: []\\naddons: [{name: rbac}]\\n
            duplicate keys are accepted              | 1.36 | true  | version: 0.1.0\\naddons: [{name: dns}]\\naddons: [{name: rbac}]\\n
            version 0.2.0-rc1 sorts before 0.2.0     | 1.36 | true  | version: 0.2.0-rc1\\naddons: [{name: dns}]\\n
            leading v and spaces tolerated           | 1.36 | true  | version: ' v0.1.5 '\\naddons: [{name: dns}]\\n
            empty part without version is skipped    | 1.36 | true  | ---\\nversion: 0.1.0\\naddons: [{name: dns}]\\n---\\nextraSANs: []\\n
            YAML 1.1 boolean for worker              | 1.36 | true  | version: 0.1.0\\njoin: {url: 10.0.0.10:25000/abc, worker: yes}\\n
            invalid yaml                             | 1.36 | false | [ test\\n
            addons as strings (invalid schema)       | 1.36 | false | version: 0.1.0\\naddons: [addon1, addon2]\\n
            version newer (0.3.0)                    | 1.36 | false | version: 0.3.0\\n
            version newer on 1.27 (0.2.0)            | 1.27 | false | version: 0.2.0\\naddons: [{name: dns}]\\n
            version non-semantic                     | 1.36 | false | version: '1.0'\\naddons: [{name: dns}]\\n
            version unsupported (0.0.1)              | 1.36 | false | version: 0.0.1\\naddons: [{name: dns}]\\n
            version 0.1.0-alpha sorts before 0.1.0   | 1.36 | false | version: 0.1.0-alpha\\naddons: [{name: dns}]\\n
            version missing in a non-empty part      | 1.36 | false | addons: [{name: dns}]\\n
            quoted string for a bool                 | 1.36 | false | version: 0.1.0\\njoin: {url: 10.0.0.10:25000/abc, worker: "true"}\\n
            mapping where a string is expected       | 1.36 | false | version: 0.1.0\\npersistentClusterToken: {a: b}\\n
            text after document separator            | 1.36 | false | --- version: 0.1.0\\n
            tab in indentation                       | 1.36 | false | version: 0.1.0\\naddons:\\n\\t- name: dns\\n
            """)
    void compatVerdictMatchesMicroK8s(String name, String track, boolean accepted, String yaml) {
        String text = yaml.replace("\\n", "\n").replace("\\t", "\t");
        Linter linter = new Linter(Catalog.get().track(track).orElseThrow(), Mode.COMPAT, LoadLimits.DEFAULTS);
        FileLint result = linter.lint(name + ".yaml", text.getBytes(StandardCharsets.UTF_8));
        String findings = result.diagnostics().stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
        assertEquals(accepted, !result.hasErrors(), name + ":\n" + findings);
    }
}
