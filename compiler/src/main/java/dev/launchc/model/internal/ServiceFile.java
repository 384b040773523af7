package dev.launchc.model.internal;

import java.util.List;

/**
 * The args and env files a launch config can edit, in the order MicroK8s' cluster agent applies
 * them (reference launch-config-facts §4.1 step 5), with how each one is read on the node.
 */
public enum ServiceFile {
    KUBE_APISERVER("extraKubeAPIServerArgs", "kube-apiserver", Kind.ARGS, Reader.KUBELITE, "kube-apiserver", List.of("kubelite")),
    KUBELET("extraKubeletArgs", "kubelet", Kind.ARGS, Reader.KUBELITE, "kubelet", List.of("kubelite")),
    KUBE_PROXY("extraKubeProxyArgs", "kube-proxy", Kind.ARGS, Reader.KUBELITE, "kube-proxy", List.of("kubelite")),
    KUBE_CONTROLLER_MANAGER("extraKubeControllerManagerArgs", "kube-controller-manager", Kind.ARGS, Reader.KUBELITE, "kube-controller-manager", List.of("kubelite")),
    KUBE_SCHEDULER("extraKubeSchedulerArgs", "kube-scheduler", Kind.ARGS, Reader.KUBELITE, "kube-scheduler", List.of("kubelite")),
    KUBELITE_ENV("extraKubeliteEnv", "kubelite-env", Kind.ENV, Reader.UNREAD, null, List.of("kubelite")),
    CONTAINERD("extraContainerdArgs", "containerd", Kind.ARGS, Reader.BASH_WORDS, null, List.of("containerd")),
    CONTAINERD_ENV("extraContainerdEnv", "containerd-env", Kind.ENV, Reader.BASH_SOURCE, null, List.of("containerd")),
    K8S_DQLITE("extraDqliteArgs", "k8s-dqlite", Kind.ARGS, Reader.BASH_WORDS, null, List.of("k8s-dqlite")),
    K8S_DQLITE_ENV("extraDqliteEnv", "k8s-dqlite-env", Kind.ENV, Reader.BASH_SOURCE, null, List.of("k8s-dqlite")),
    CLUSTER_AGENT("extraMicroK8sClusterAgentArgs", "cluster-agent", Kind.ARGS, Reader.BASH_WORDS, null, List.of("cluster-agent")),
    CLUSTER_AGENT_ENV("extraMicroK8sClusterAgentEnv", "cluster-agent-env", Kind.ENV, Reader.UNREAD, null, List.of("cluster-agent")),
    APISERVER_PROXY("extraMicroK8sAPIServerProxyArgs", "apiserver-proxy", Kind.ARGS, Reader.BASH_WORDS, null, List.of("apiserver-proxy")),
    APISERVER_PROXY_ENV("extraMicroK8sAPIServerProxyEnv", "apiserver-proxy-env", Kind.ENV, Reader.UNREAD, null, List.of("apiserver-proxy")),
    ETCD("extraEtcdArgs", "etcd", Kind.ARGS, Reader.BASH_WORDS, null, List.of("etcd")),
    ETCD_ENV("extraEtcdEnv", "etcd-env", Kind.ENV, Reader.UNREAD, null, List.of("etcd")),
    FLANNELD("extraFlanneldArgs", "flanneld", Kind.ARGS, Reader.BASH_WORDS, null, List.of("flanneld")),
    FLANNELD_ENV("extraFlanneldEnv", "flanneld-env", Kind.ENV, Reader.BASH_SOURCE, null, List.of("flanneld")),
    CNI_ENV("extraCNIEnv", "cni-env", Kind.ENV, Reader.BASH_SOURCE, null, List.of()),
    FIPS_ENV("extraFIPSEnv", "fips-env", Kind.ENV, Reader.UNREAD, null, List.of("kubelite", "k8s-dqlite", "cluster-agent"));

    public enum Kind { ARGS, ENV }

    /** How the service reads the file; it decides which values survive intact. */
    public enum Reader {
        /** kubelite's own parser: strips every quote and splits each line on spaces. */
        KUBELITE,
        /** A wrapper's {@code declare -a args="($(cat file))"}: bash word splitting and quote removal. */
        BASH_WORDS,
        /** {@code set -a; . file}: bash syntax. */
        BASH_SOURCE,
        /** Written by the cluster agent but read by nothing in MicroK8s. */
        UNREAD
    }

    private final String nativeKey;
    private final String fileName;
    private final Kind kind;
    private final Reader reader;
    private final String kubeComponent;
    private final List<String> restarts;

    ServiceFile(String nativeKey, String fileName, Kind kind, Reader reader, String kubeComponent, List<String> restarts) {
        this.nativeKey = nativeKey;
        this.fileName = fileName;
        this.kind = kind;
        this.reader = reader;
        this.kubeComponent = kubeComponent;
        this.restarts = restarts;
    }

    /**
     * The native launch-config key that edits the file (extraKubeletArgs), the same in every
     * launch-config version that has it: for messages, and for writing seeds.
     */
    public String nativeKey() {
        return nativeKey;
    }

    /** The file's name under {@code $SNAP_DATA/args/}. */
    public String fileName() {
        return fileName;
    }

    public Kind kind() {
        return kind;
    }

    public Reader reader() {
        return reader;
    }

    /** The Kubernetes component whose flags this file holds, or null for non-Kubernetes services. */
    public String kubeComponent() {
        return kubeComponent;
    }

    /** Services restarted (in full mode) when the file changes. */
    public List<String> restarts() {
        return restarts;
    }
}
