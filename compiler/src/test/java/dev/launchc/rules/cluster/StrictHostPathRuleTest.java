package dev.launchc.rules.cluster;

import static dev.launchc.rules.cluster.ClusterFixtures.assertFindings;
import static dev.launchc.rules.cluster.ClusterFixtures.error;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * StrictHostPathRule: LC3055, registry TLS files a strictly confined MicroK8s cannot read. The
 * readable prefixes come from canonical/microk8s 1.32-strict snap/snapcraft.yaml: plugs
 * home-read-all (home, read: all), dot-kube and dot-config-helm (personal-files, write only), no
 * system-files plug; the snap's own /snap/microk8s/ and /var/snap/microk8s/ areas; and the system CA
 * locations of AppArmor's profiles/apparmor.d/abstractions/ssl_certs, which snapd's network-bind interface
 * (interfaces/builtin/network_bind.go) includes for daemon-containerd.
 */
class StrictHostPathRuleTest {
    private static final String RULE = "strict-path";
    private static final Set<String> CODE = Set.of("LC3055");
    private static final String HINT = "copy the file to /var/snap/microk8s/current/args/certs.d/<host>/ and name it"
            + " there, or use spec.confinement: classic";

    @Test
    void refusesTlsFilesOutsideTheSnapAreasAndHomes() {
        assertFindings(RULE, "outside", CODE,
                error("LC3055", 10, 13, "'/etc/docker/certs.d/registry.corp.example:5000/ca.crt' (the CA of"
                        + " registry.corp.example:5000) is outside"
                        + " what the strictly confined MicroK8s 1.32 may read", HINT),
                // '..' climbs out of /var/snap/microk8s/: judged on the normalised path
                error("LC3055", 11, 15, "'/var/snap/microk8s/../../../etc/pki/client.crt' (the client certificate for"
                        + " registry.corp.example:5000) is outside", HINT),
                // directly in /etc/ssl/: ssl_certs allows /etc/ssl/cert.pem and /etc/ssl/certs/ only
                error("LC3055", 14, 13, "'/etc/ssl/plant7-ca.pem' (the CA of mirror.corp.example) is outside", HINT),
                error("LC3055", 15, 56, "'/etc/ssl/private/corp-ca.pem' (the CA of the air-gap registry)"
                        + " is outside", HINT));
    }

    @Test
    void acceptsSnapAreasHomesSystemCaDirectoriesAndRelativePaths() {
        assertFindings(RULE, "inside", CODE);
    }

    @Test
    void classicClustersAreNotJudged() {
        assertFindings(RULE, "classic", CODE);
    }
}
