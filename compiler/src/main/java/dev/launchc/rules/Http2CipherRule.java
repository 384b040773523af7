package dev.launchc.rules;

import dev.launchc.catalog.KubeFlags;
import dev.launchc.diag.Code;
import dev.launchc.model.internal.ServiceFile;
import dev.launchc.resolve.KubeArgs;
import java.util.List;
import java.util.Set;

/**
 * LC1028 (BAD_FLAG_VALUE): a {@code --tls-cipher-suites} of kube-apiserver,
 * kube-controller-manager, kube-scheduler or the kubelet that names neither cipher HTTP/2 requires while TLS
 * 1.2 is allowed. Each serves through k8s.io/apiserver's {@code SecureServingInfo.Serve}
 * (pkg/server/secure_serving.go), which unless HTTP/2 serving is disabled calls golang.org/x/net's
 * {@code http2.ConfigureServer}; with cipher suites given and a minimum version below TLS 1.3, that
 * refuses a list without TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 or
 * TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 ("http2: TLSConfig.CipherSuites is missing an
 * HTTP/2-required AES_128_GCM_SHA256 cipher"), Serve returns "error configuring http2", and the
 * component, and with it kubelite, exits. So a list of only TLS 1.3 names, or only CBC suites,
 * stops the node. {@code --tls-min-version=VersionTLS13} or {@code --disable-http2-serving=true}
 * (from Kubernetes 1.31, where the catalog lists it) lifts the rule, and so does
 * {@code --secure-port=0} for kube-controller-manager and kube-scheduler, which then serve no HTTPS
 * (SecureServingOptions.ApplyTo, pkg/server/options/serving.go, returns before reading the cipher
 * suites; kube-apiserver refuses port 0). A value with a {@code $} is expanded by kubelite from an
 * environment launchc does not see, and may lift it too. The kubelet serves with Go's net/http
 * (pkg/kubelet/server/server.go ListenAndServeKubeletServer: ListenAndServeTLS, then os.Exit(1) on
 * its error), whose ServeTLS sets HTTP/2 up first with its bundled copy of the same check
 * ("http2: TLSConfig.CipherSuites is missing an HTTP/2-required AES_128_GCM_SHA256 cipher"): it is
 * judged too, unless {@code --enable-server=false}, or a {@code --config} file or
 * {@code --config-dir} drop-in that may set tlsMinVersion or enableServer. A config that joins as a
 * worker runs its control plane with these args only from install until the join and after
 * {@code microk8s leave}: its finding says so ({@link RuleContext#whenItRuns}).
 */
public final class Http2CipherRule implements Rule {
    private static final String CIPHERS = "--tls-cipher-suites";
    private static final Set<String> HTTP2_REQUIRED = Set.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
    private static final List<ServiceFile> SERVERS = List.of(ServiceFile.KUBE_APISERVER, ServiceFile.KUBE_CONTROLLER_MANAGER,
            ServiceFile.KUBE_SCHEDULER, ServiceFile.KUBELET);

    @Override
    public void check(RuleContext ctx) {
        KubeFlags kube = ctx.kube();
        if (kube == null) {
            return;
        }
        int setting = settingCiphers(ctx);
        if (setting == 0) {
            return; // the common case, found in one pass over the config's flags
        }
        for (int i = 0; i < SERVERS.size(); i++) {
            if ((setting & 1 << i) != 0) {
                check(ctx, kube, SERVERS.get(i));
            }
        }
    }

    /** The servers (bit i for SERVERS' i-th) whose args the config gives a --tls-cipher-suites. */
    private static int settingCiphers(RuleContext ctx) {
        int[] setting = {0};
        ctx.forEachKubeArg((part, component, e) -> {
            if (e.key().endsWith("suites") && KubeFlags.normalize(e.key()).equals(CIPHERS)) {
                for (int i = 0; i < SERVERS.size(); i++) {
                    if (SERVERS.get(i).kubeComponent().equals(component)) {
                        setting[0] |= 1 << i;
                    }
                }
            }
        });
        return setting[0];
    }

    /**
     * Whether kube-controller-manager or kube-scheduler serves HTTPS: unless its {@code --secure-port}
     * is a plain decimal above zero, or left at its default (10257, 10259), it is not judged (0 turns
     * serving off; a variable or a Go base prefix launchc leaves to the component).
     */
    static boolean servesHttps(KubeArgs args) {
        if (args.ambiguous("--secure-port")) {
            return false;
        }
        KubeArgs.Setting port = args.setting("--secure-port");
        return port == null || port.value() != null && port.value().matches("\\+?0*[1-9][0-9]*"); // one way to match: linear in the value
    }

    /**
     * Whether the kubelet's server runs with the TLS settings its flags give: not with
     * {@code --enable-server} false or a variable, nor with a config file or drop-in folder (which
     * may set enableServer or tlsMinVersion where no flag does), nor after a join, whose contacted
     * node's kubelet args may.
     */
    private static boolean kubeletServes(KubeArgs args) {
        if (args.ambiguous("--enable-server") || args.settingsUnseen()) {
            return false;
        }
        KubeArgs.Setting enabled = args.setting("--enable-server");
        return enabled == null || enabled.value() == null || !KubeArgs.expanded(enabled.value())
                && KubeFlagRule.isGoBool(enabled.value()) && KubeFlagRule.parseGoBool(enabled.value());
    }

    private static void check(RuleContext ctx, KubeFlags kube, ServiceFile file) {
        String component = file.kubeComponent();
        KubeArgs args = ctx.resolved().kubeArgs(file);
        KubeArgs.Setting ciphers = args.setting(CIPHERS);
        KubeFlags.Choices choices = kube.choices(component, CIPHERS);
        if (ciphers == null || ciphers.fromDefault() || ciphers.value() == null || ciphers.value().isEmpty()
                || choices == null || KubeFlagRule.notAChoice(choices, ciphers.value()) != null) {
            return; // no list (Go's defaults), or one with a name KubeFlagRule reports
        }
        List<String> names = List.of(ciphers.value().split(",", -1));
        if (names.stream().anyMatch(HTTP2_REQUIRED::contains) || args.ambiguous("--tls-min-version")
                || (file == ServiceFile.KUBELET ? !kubeletServes(args) : file != ServiceFile.KUBE_APISERVER && !servesHttps(args))) {
            return;
        }
        KubeArgs.Setting minVersion = args.setting("--tls-min-version");
        if (minVersion != null && minVersion.value() != null && ("VersionTLS13".equals(minVersion.value())
                || KubeArgs.expanded(minVersion.value()))) {
            return;
        }
        boolean canDisable = kube.flag(component, "--disable-http2-serving") != null;
        KubeArgs.Setting disabled = args.setting("--disable-http2-serving");
        if (args.ambiguous("--disable-http2-serving") || disabled != null && (disabled.value() == null
                || KubeArgs.expanded(disabled.value())
                || KubeFlagRule.isGoBool(disabled.value()) && KubeFlagRule.parseGoBool(disabled.value()))) {
            return; // a bare bool flag means true
        }
        ctx.atValue(Code.BAD_FLAG_VALUE, ciphers.part(), ciphers.entry().pointer(), component + " flag " + CIPHERS
                + " names neither TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 nor TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, which HTTP/2"
                + " requires while TLS 1.2 is allowed (--tls-min-version is not VersionTLS13), so " + component
                + " does not start (\"" + (file == ServiceFile.KUBELET
                        ? "http2: TLSConfig.CipherSuites is missing an HTTP/2-required AES_128_GCM_SHA256 cipher"
                        : "error configuring http2") + "\")" + ctx.whenItRuns(component),
                "add TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 and TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 to the list, or set"
                        + " --tls-min-version: VersionTLS13" + (canDisable ? ", or --disable-http2-serving: true" : ""));
    }
}
