package dev.launchc.rules;

import static dev.launchc.rules.CatalogRuleFixtures.assertFindings;
import static dev.launchc.rules.CatalogRuleFixtures.error;
import static dev.launchc.rules.CatalogRuleFixtures.warning;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** AddonNameRule: LC1026 unknown addon, LC1027 not on this track, LC2001 deprecated alias. */
class AddonNameRuleTest {
    private static final String RULE = "addon";
    private static final Set<String> CODES = Set.of("LC1026", "LC1027", "LC2001");

    @Test
    void misspeltAddon() {
        assertFindings(RULE, "unknown", "1.36", CODES,
                error("LC1026", 4, 11, "unknown addon metalb on 1.36", "did you mean metallb?"));
    }

    @Test
    void misspeltAddonInLegacyColonForm() {
        assertFindings(RULE, "unknown-colon", "1.32", CODES,
                error("LC1026", 3, 11, "unknown addon metalb on 1.32", "did you mean metallb?"));
    }

    @Test
    void unknownAddonWithNothingClose() {
        assertFindings(RULE, "unknown-nothing-close", "1.36", CODES,
                error("LC1026", 3, 11, "unknown addon kubeflow on 1.36", null));
    }

    @Test
    void misspeltRepository() {
        assertFindings(RULE, "repo-typo", "1.36", CODES,
                error("LC1026", 4, 11, "unknown addon repository comunity in comunity/cilium: it is neither core,"
                        + " community nor one that addonRepositories adds", "did you mean community/cilium?"));
    }

    /** A repository nothing declares and no bundled name is close to: MicroK8s prints "Addon … not found" and goes on. */
    @Test
    void undeclaredRepository() {
        assertFindings(RULE, "undeclared-repo", "1.36", CODES,
                error("LC1026", 6, 11, "unknown addon repository myrepo in myrepo/ingress-extra: it is neither core,"
                        + " community nor one that addonRepositories adds",
                        "add the repository to addonRepositories (name and url), or use core/ or community/"));
    }

    @Test
    void addonUnderTheWrongRepository() {
        assertFindings(RULE, "wrong-repo", "1.36", CODES,
                error("LC1026", 3, 11, "unknown addon core/cilium: cilium is in the community repository on 1.36",
                        "use community/cilium"));
    }

    @Test
    void nvidiaOn128() {
        assertFindings(RULE, "nvidia", "1.28", CODES,
                error("LC1027", 4, 11, "nvidia is not available on 1.28 (available from 1.29)",
                        "on 1.28 the gpu addon fills this role (its arguments differ)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.29", "1.32", "1.36"})
    void nvidiaFrom129(String track) {
        assertFindings(RULE, "nvidia", track, CODES);
    }

    @Test
    void dashboardRemovedIn136() {
        assertFindings(RULE, "dashboard", "1.35", CODES);
        assertFindings(RULE, "dashboard", "1.36", CODES,
                error("LC1027", 4, 11, "dashboard is not available on 1.36 (available on 1.27–1.35)", null));
    }

    @Test
    void deprecatedAliases() {
        assertFindings(RULE, "alias", "1.32", CODES,
                warning("LC2001", 3, 11, "storage is a deprecated alias of hostpath-storage on 1.32", "use hostpath-storage"),
                warning("LC2001", 4, 11, "core/prometheus is a deprecated alias of observability on 1.32",
                        "use core/observability"));
    }

    @Test
    void ownRepositoriesMayProvideAnyName() {
        assertFindings(RULE, "own-repo", "1.36", CODES,
                warning("LC2001", 8, 11, "storage is a deprecated alias of hostpath-storage on 1.36", "use hostpath-storage"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.27", "1.28", "1.29", "1.30", "1.31", "1.32", "1.33", "1.34", "1.35", "1.36"})
    void cleanFileHasNoFindings(String track) {
        assertEquals(List.of(), CatalogRuleFixtures.lint(RULE, "clean", track));
    }
}
