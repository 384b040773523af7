package dev.launchc.lsp;

import dev.launchc.convert.ClusterV1alpha1Converter;
import dev.launchc.model.internal.ServiceFile;
import java.util.List;
import java.util.Optional;

/** Which Kubernetes component's args map a YAML path is in: {@code services.kubelet} or {@code extraKubeletArgs}. */
final class ServiceKeys {
    private ServiceKeys() {}

    /** The component (kubelet, kube-apiserver…) whose flags the keys under {@code parents} are, if any. */
    static Optional<String> component(List<String> parents) {
        if (parents.isEmpty()) {
            return Optional.empty();
        }
        String last = parents.get(parents.size() - 1);
        String before = parents.size() >= 2 ? parents.get(parents.size() - 2) : null;
        for (ServiceFile file : ServiceFile.values()) {
            if (file.kubeComponent() == null) {
                continue;
            }
            boolean cluster = "services".equals(before) && ClusterV1alpha1Converter.servicesKey(file).equals("services." + last);
            boolean nativeKey = parents.size() == 1 && file.nativeKey().equals(last);
            if (cluster || nativeKey) {
                return Optional.of(file.kubeComponent());
            }
        }
        return Optional.empty();
    }

    /** The path ends in an addon list entry's name: {@code addons: [- name: X]} or {@code addons: [- X]}. */
    static boolean isAddonName(YamlContext at) {
        if ("name".equals(at.key()) && at.onValue()) {
            return "-".equals(at.last(0)) && "addons".equals(at.last(1));
        }
        return at.key() == null && "-".equals(at.last(0)) && "addons".equals(at.last(1));
    }
}
