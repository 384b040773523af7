package dev.launchc.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A flag's description (shown on hover and in the reference) is one text for every minor; where
 * it names the values a flag takes, it must name none that the minor refuses. kube-proxy's
 * --proxy-mode: nftables exists from 1.29 and only under the NFTablesProxyMode gate until 1.33
 * (pkg/proxy/apis/config/validation/validation.go, validateProxyModeLinux).
 */
class KubeFlagDescriptionsTest {
    private static final Pattern QUOTED = Pattern.compile("'([a-z-]+)'");

    @Test
    void noDescriptionNamesAValueItsMinorRefuses() {
        Catalog catalog = Catalog.get();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (String minor : catalog.kubeMinors()) {
            KubeFlags kube = catalog.kube(minor).orElseThrow();
            for (String component : List.of("kube-apiserver", "kubelet", "kube-proxy", "kube-controller-manager", "kube-scheduler")) {
                for (String name : kube.flagNames(component)) {
                    KubeFlags.Choices choices = kube.choices(component, name);
                    String text = kube.flag(component, name).description();
                    if (choices == null || text == null) {
                        continue;
                    }
                    Matcher quoted = QUOTED.matcher(text);
                    while (quoted.find()) {
                        checked++;
                        if (!choices.values().contains(quoted.group(1))) {
                            wrong.add(minor + " " + component + " " + name + ": '" + quoted.group(1) + "'");
                        }
                    }
                }
            }
        }
        assertTrue(checked >= 20, "the quoted values of --proxy-mode in every minor, found " + checked);
        assertEquals(List.of(), wrong);
    }

    @Test
    void aGatedProxyModeSaysSoAndTheGatesStateInThatMinor() {
        String alpha = Catalog.get().kube("1.30").orElseThrow().flag("kube-proxy", "--proxy-mode").description();
        String beta = Catalog.get().kube("1.31").orElseThrow().flag("kube-proxy", "--proxy-mode").description();
        assertTrue(alpha.contains("alpha feature gate NFTablesProxyMode") && alpha.contains("off by default"), alpha);
        assertTrue(beta.contains("beta feature gate NFTablesProxyMode") && beta.contains("on by default"), beta);
    }
}
