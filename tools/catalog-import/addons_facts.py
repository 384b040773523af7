"""Addon / GPU / air-gap facts for catalog/addons-extra.json.

These facts are written in prose in shared/reference/addons-gpu-airgap-facts.md
(and, for the GPU Operator defaults per track, gpu-operator/README.md). They are
restated here as data, each with a `source` naming the section of the facts file
and the repository/ref it cites. build() then checks them against the reference:
every cited section heading and a set of key value strings must occur in the
facts file, the GPU defaults must equal the table in gpu-operator/README.md,
every addon must exist in the tracks' addons.yaml lists, and every GPU Operator
version named must have a gpu-operator/<version> folder.

Conventions (see README.md): track names are catalog track names ("1.36" = main/master).
`since`/`until` are inclusive track bounds; a missing bound means "not limited
by the facts" (the facts were read on 1.31, 1.32, 1.35 and main, some on 1.33/1.34).
"""

import os
import re

FACTS = "addons-gpu-airgap-facts.md"

CORE = "canonical/microk8s-core-addons"
COMMUNITY = "canonical/microk8s-community-addons"
MK = "canonical/microk8s"
CORE_REFS = "main@f6898115, branches 1.31/1.32/1.35"
COMM_REFS = "main@58bfd1c8"
MK_REFS = "master@d099c907 and branches 1.28..1.35"

ALL_TRACKS = ["1.27", "1.28", "1.29", "1.30", "1.31", "1.32", "1.33", "1.34", "1.35", "1.36"]


def S(section, cite=None):
    s = "%s §%s" % (FACTS, section)
    if cite:
        s += " (" + cite + ")"
    return s


def core_src(name, section="1.1"):
    return S(section, "%s %s: addons/%s/enable, addons.yaml" % (CORE, CORE_REFS, name))


def comm_src(name):
    return S("1.2", "%s %s: addons.yaml, addons/%s/ enable wrapper" % (COMMUNITY, COMM_REFS, name))


def _clean(d):
    return {k: v for k, v in d.items() if v is not None and v != [] and v != {} and v is not False}


def flag(name, short=None, value=None, default=None, values=None, repeatable=False, required=False,
         negation=None, defaultByTrack=None, pattern=None, meta=None, note=None, deprecated=None,
         hidden=False, defaultUnset=False):
    """value: True = takes a value, False = switch, None = not stated in the facts."""
    d = _clean({"name": name, "short": short, "default": default, "values": values,
                "repeatable": repeatable, "required": required, "negation": negation,
                "defaultByTrack": defaultByTrack, "pattern": pattern, "meta": meta, "note": note,
                "deprecated": deprecated, "hidden": hidden, "defaultUnset": defaultUnset})
    if value is not None:
        d["value"] = value
    return d


def pos(index, name, form="value", key=None, literal=None, required=False, default=None, since=None,
        note=None, deprecated=None, meta=None, empty_is_absent=False, until=None):
    """empty_is_absent: the script takes an empty argument as a missing one (its default)."""
    return _clean({"index": index, "name": name, "form": form, "key": key, "literal": literal,
                   "required": required, "default": default, "since": since, "until": until, "note": note,
                   "deprecated": deprecated, "meta": meta, "emptyIsAbsent": empty_is_absent})


def args(source, action="enable", flags=(), positional=(), complete=False, since=None, until=None,
         none=False, note=None):
    d = _clean({"action": action, "flags": list(flags), "positional": list(positional),
                "complete": complete, "since": since, "until": until, "note": note})
    if none:
        d["takesNoArgs"] = True
        d["complete"] = True
    d["source"] = source
    return d


def dep(addon, source, kind="enables", since=None, until=None, condition=None, viaFlag=None, inferred=False):
    return _clean({"addon": addon, "kind": kind, "since": since, "until": until, "condition": condition,
                   "viaFlag": viaFlag, "inferred": inferred}) | {"source": source}


def net(source, needs, since=None, until=None, fetches=(), workarounds=(), issues=(), inferred=False, note=None):
    d = _clean({"needsInternet": needs, "since": since, "until": until, "fetches": list(fetches),
                "workarounds": list(workarounds), "issues": list(issues), "inferred": inferred, "note": note})
    d["needsInternet"] = needs
    d["source"] = source
    return d


def wk(kind, flags=(), note=None, inferred=False, available=True):
    d = _clean({"kind": kind, "flags": list(flags), "note": note, "inferred": inferred})
    if not available:
        d["available"] = False
    return d


def sarg(service, arg, source, value=None, valueFrom=None, note=None):
    return _clean({"service": service, "arg": arg, "value": value, "valueFrom": valueFrom, "note": note}) | {"source": source}


def per_track(pairs):
    """{'1.31,1.32': x, '1.35': y} -> {'1.31': x, '1.32': x, '1.35': y}"""
    out = {}
    for keys, v in pairs.items():
        for k in keys.split(","):
            assert k in ALL_TRACKS, k
            out[k] = v
    return out


def imgs(pairs):
    return per_track(pairs)


# --------------------------------------------------------------------------- GPU flags

S22 = S("2.2", "%s branches 1.29..1.35 and main: addons/nvidia/enable --help; branch 1.28: addons/gpu/enable" % CORE)
S21 = S("2.1", "%s main@f6898115: addons/nvidia/enable, compared with branches 1.29..1.35" % CORE)

GPU_OPERATOR_DEFAULT = per_track({"1.29,1.30,1.31": "v23.9.1", "1.32": "v24.6.2", "1.33": "v25.3.0",
                                  "1.34": "v25.3.2", "1.35,1.36": "v25.10.0"})
NETWORK_OPERATOR_DEFAULT = per_track({"1.29,1.30,1.31,1.32": "23.7.0", "1.33,1.34": "25.1.0", "1.35,1.36": "25.7.0"})
SET_AS_DEFAULT_RUNTIME_DEFAULT = per_track({"1.29,1.30,1.31,1.32,1.33,1.34,1.35": True, "1.36": None})

NVIDIA_FLAGS = [
    flag("--gpu-operator", value=False, negation="--no-gpu-operator",
         note="--no-gpu-operator skips the GPU operator; at least one of GPU/network operator must be selected"),
    flag("--gpu-operator-version", value=True, defaultByTrack=GPU_OPERATOR_DEFAULT),
    flag("--gpu-operator-driver", value=True, values=["auto", "operator", "host"], default="auto",
         note="auto: host if `nvidia-smi -L` succeeds, operator if nvidia-smi is not found"),
    flag("--gpu-operator-toolkit-version", value=True, note="sets toolkit.version only when given"),
    flag("--gpu-operator-set", value=True, repeatable=True, meta="KEY=VALUE",
         note="passed as helm --set after MicroK8s' own values, so it overrides them"),
    flag("--gpu-operator-values", value=True, repeatable=True, meta="FILE",
         note="passed as helm --values after MicroK8s' own values"),
    flag("--gpu-operator-set-as-default-runtime", value=False,
         negation="--gpu-operator-no-set-as-default-runtime",
         defaultByTrack={k: v for k, v in SET_AS_DEFAULT_RUNTIME_DEFAULT.items() if v is not None},
         note="1.36 (main): default None, CONTAINERD_SET_AS_DEFAULT is not passed unless requested (PR #361)"),
    flag("--network-operator", value=False, negation="--no-network-operator",
         note="installs nvidia/network-operator in namespace nvidia-network-operator"),
    flag("--network-operator-version", value=True, defaultByTrack=NETWORK_OPERATOR_DEFAULT),
    flag("--network-operator-set", value=True, repeatable=True, meta="KEY=VALUE"),
    flag("--network-operator-values", value=True, repeatable=True, meta="FILE", note="the files must exist"),
    flag("--requires", value=True, repeatable=True, default=["core/dns", "core/helm3"],
         note="addons enabled first"),
    flag("--version", value=True, hidden=True, deprecated={"replacement": "--gpu-operator-version"}),
    flag("--driver", value=True, hidden=True, deprecated={"replacement": "--gpu-operator-driver"}),
    flag("--set", value=True, hidden=True, repeatable=True, deprecated={"replacement": "--gpu-operator-set"}),
    flag("--values", short="-f", value=True, hidden=True, repeatable=True,
         deprecated={"replacement": "--gpu-operator-values"}),
    flag("--toolkit-version", value=True, hidden=True, deprecated={"replacement": "--gpu-operator-toolkit-version"}),
    flag("--set-as-default-runtime", value=False, hidden=True,
         deprecated={"replacement": "--gpu-operator-set-as-default-runtime"}),
]
NVIDIA_POSITIONAL = [
    pos(1, "force-operator-driver", form="literal", literal="force-operator-driver",
        note="same as --gpu-operator-driver operator"),
    pos(1, "force-system-driver", form="literal", literal="force-system-driver",
        note="same as --gpu-operator-driver host"),
]
GPU128_FLAGS = [
    flag("--version", value=True, default="v23.9.1"),
    flag("--driver", value=True, values=["auto", "operator", "host"]),
    flag("--toolkit-version", value=True),
    flag("--set-as-default-runtime", value=False, negation="--no-set-as-default-runtime", default=True),
    flag("--set", value=True, repeatable=True),
    flag("--values", short="-f", value=True, repeatable=True),
]

GPU_NET_SRC = S("1.4", "%s addons/nvidia/enable, issue canonical/microk8s#3881; §4.4" % CORE)


def gpu_section():
    toolkit_env_base = {
        "CONTAINERD_CONFIG": "/var/snap/microk8s/current/args/containerd-template.toml",
        "CONTAINERD_SOCKET": "/var/snap/microk8s/common/run/containerd.sock",
    }
    by_track = {
        "1.28": {
            "addon": "gpu",
            "flagStyle": "legacy",
            "gpuOperatorVersionDefault": "v23.9.1",
            "setAsDefaultRuntimeDefault": True,
            "helmRepoUrl": "https://nvidia.github.io/gpu-operator",
            "source": S("2.2") + "; " + S("1.4"),
        }
    }
    for t in ALL_TRACKS:
        if t not in GPU_OPERATOR_DEFAULT:
            continue
        env = dict(toolkit_env_base)
        if SET_AS_DEFAULT_RUNTIME_DEFAULT[t]:
            env["CONTAINERD_SET_AS_DEFAULT"] = "1"
        if t in ("1.35", "1.36"):
            env["RUNTIME_CONFIG_SOURCE"] = "file=/var/snap/microk8s/current/args/containerd.toml"
        e = {
            "addon": "nvidia",
            "aliases": ["gpu"],
            "flagStyle": "gpu-operator-prefixed",
            "gpuOperatorVersionDefault": GPU_OPERATOR_DEFAULT[t],
            "networkOperatorVersionDefault": NETWORK_OPERATOR_DEFAULT[t],
            "setAsDefaultRuntimeDefault": SET_AS_DEFAULT_RUNTIME_DEFAULT[t],
            "helmRepoUrl": "https://helm.ngc.nvidia.com/nvidia",
            "toolkitEnv": env,
            "source": S22 + "; gpu-operator/README.md 'MicroK8s tracks -> GPU Operator version'",
        }
        if t == "1.36":
            e["runtimeClassRequired"] = "nvidia"
            e["disableDeletesCrds"] = ["clusterpolicies.nvidia.com", "nvidiadrivers.nvidia.com", "mellanox CRDs"]
        if t in ("1.35", "1.36"):
            e["runtimeConfigSourceNote"] = "RUNTIME_CONFIG_SOURCE set for CDI (core-addons PR #364)"
        by_track[t] = e
    return {
        "byTrack": by_track,
        "notCovered": ["1.27"],
        "nvidiaFlags": NVIDIA_FLAGS,
        "nvidiaPositional": NVIDIA_POSITIONAL,
        "deprecatedFlagRule": "hidden deprecated flags print a WARNING and are an error when combined with their replacement",
        "legacyGpuFlags": GPU128_FLAGS,
        "driver": {
            "modes": ["auto", "operator", "host"],
            "default": "auto",
            "autoRule": "nvidia-smi -L succeeds -> host; nvidia-smi not found (OSError) -> operator; "
                        "nvidia-smi present but failing is not caught and the enable script crashes",
            "source": S21,
        },
        "helm": {
            "repoName": "nvidia",
            "repoUrl": "https://helm.ngc.nvidia.com/nvidia",
            "chart": "nvidia/gpu-operator",
            "release": "gpu-operator",
            "namespace": "gpu-operator-resources",
            "networkOperator": {"chart": "nvidia/network-operator", "release": "network-operator",
                                "namespace": "nvidia-network-operator"},
            "repoSetupIgnoresErrors": True,
            "source": S21,
        },
        "helmValues": {
            "operator.defaultRuntime": "containerd",
            "driver.enabled": "\"true\" only when the driver mode is operator, else \"false\"",
            "toolkit.enabled": "true",
            "toolkit.version": "only when --gpu-operator-toolkit-version is given",
            "userOverrides": "--gpu-operator-set / --gpu-operator-values are appended after these values and override them",
            "migAndCdi": "MicroK8s overrides no MIG or CDI values",
            "source": S21 + "; gpu-operator/README.md 'Helm values MicroK8s passes'",
        },
        "disable": {
            "uninstalls": ["gpu-operator", "network-operator"],
            "deletesCrdsSince": "1.36",
            "source": S21,
        },
        "containerd": {
            "templateRuntimes": ["runc", "nvidia-container-runtime", "kata"],
            "defaultRuntimeName": "runc (${RUNTIME})",
            "toolkitEditsTemplate": "the toolkit edits containerd-template.toml via CONTAINERD_CONFIG and adds the nvidia runtime; "
                                    "with CONTAINERD_SET_AS_DEFAULT=1 it also changes default_runtime_name",
            "runtimeClass": "nvidia",
            "source": S("2.3", "%s@master:microk8s-resources/default-args/containerd-template.toml" % MK),
        },
        "mig": {
            "strategies": ["none", "single", "mixed"],
            "strategyHelmValue": "mig.strategy",
            "setStrategyAtEnable": "--gpu-operator-set mig.strategy=mixed",
            "nodeLabel": "nvidia.com/mig.config",
            "stateLabel": "nvidia.com/mig.config.state",
            "stateValues": ["pending", "rebooting", "success", "failed"],
            "defaultLabelWhenUnset": "all-disabled (when migManager.config.default == all-disabled)",
            "customConfig": "migManager.config.create=true, migManager.config.name=<configmap>, data key config.yaml",
            "clusterPolicy": {"name": "cluster-policy", "inferred": True},
            "mixedResources": "nvidia.com/mig-<profile>",
            "cspReboot": "migManager.env WITH_REBOOT=true",
            "source": S("2.4", "NVIDIA/cloud-native-docs gpu-operator-mig.rst; NVIDIA/gpu-operator@v25.10.0 "
                              "api/nvidia/v1/clusterpolicy_types.go, controllers/state_manager.go"),
        },
        "source": S21 + "; " + S22,
    }


# --------------------------------------------------------------------------- addons

def core_addons():
    A = {}
    s = core_src("dns")
    A["dns"] = {
        "repository": "core",
        "args": [args(s, complete=True, positional=[
            pos(1, "nameservers", meta="IP[,IP...] | /etc/resolv.conf",
                note="comma-separated upstream nameservers (validated with `ip route get`) or /etc/resolv.conf; "
                     "empty: host resolv.conf, else 8.8.8.8 8.8.4.4"),
            # addons/dns/enable: [ x"${DNSIP}" == "x" ] and [ -z "$CLUSTER_DOMAIN" ] take an empty
            # argument as a missing one. The 1.27 branch's script sets DNSIP=10.152.183.10 and replaces
            # it only with a non-empty $2 ([[ -n "$DNSIPARG" ]]), whatever the service range; from 1.28
            # the default applies only with the default range, else the API server picks the address.
            pos(2, "clusterIP", meta="IP", empty_is_absent=True, until="1.27", default="10.152.183.10",
                note="kube-dns ClusterIP; 10.152.183.10 when not given, whatever the service range"),
            pos(2, "clusterIP", meta="IP", empty_is_absent=True, since="1.28",
                note="kube-dns ClusterIP; default 10.152.183.10 only if kube-apiserver has "
                     "--service-cluster-ip-range=10.152.183.0/24"),
            pos(3, "clusterDomain", default="cluster.local", since="1.33", empty_is_absent=True,
                note="1.31/1.32 accept only the first two arguments"),
        ], note="colon form `dns:1.1.1.1,8.8.8.8` passes argument 1; IPv6 addresses cannot be passed in colon form")],
        "serviceArgs": [
            sarg("kubelet", "--cluster-domain", S("1.5") + "; " + s, valueFrom="argument 3, default cluster.local"),
            sarg("kubelet", "--cluster-dns", S("1.5") + "; " + S("5"), valueFrom="argument 2; default 10.152.183.10 only "
                 "with the default service range, otherwise the assigned kube-dns ClusterIP"),
        ],
        "restarts": ["kubelet"],
        "network": [net(S("1.4"), False)],
        "images": imgs({"1.31,1.32": ["docker.io/coredns/coredns:1.10.1"], "1.35": ["docker.io/coredns/coredns:1.13.1"],
                        "1.36": ["docker.io/coredns/coredns:1.14.3"]}),
        "imagesSource": S("1.3", "%s@<branch>:addons/dns/; images.txt on main still says 1.13.1" % CORE),
        "source": s,
    }
    s = core_src("rbac")
    A["rbac"] = {
        "repository": "core",
        "args": [args(s, none=True)],
        "serviceArgs": [sarg("kube-apiserver", "--authorization-mode", S("1.5") + "; " + s, value="RBAC,Node",
                             note="shipped default is AlwaysAllow")],
        "network": [net(S("1.4"), False)],
        "source": s,
    }
    s = core_src("ingress")
    A["ingress"] = {
        "repository": "core",
        "args": [
            args(s, until="1.34", complete=True, positional=[
                pos(1, "default-ssl-certificate", form="key=value", key="default-ssl-certificate", meta="NS/SECRET")],
                note="nginx ingress; env PUBLISH_STATUS_ADDRESS defaults to 127.0.0.1"),
            args(s, since="1.35", complete=True, flags=[
                flag("-r", value=True, meta="REPO", default="https://traefik.github.io/charts"),
                flag("-V", value=True, meta="CHART_VERSION", defaultByTrack={"1.35": "37.4.0", "1.36": "39.0.8"},
                     note="Traefik chart: 37.4.0 = Traefik v3.6.2, 39.0.8 = Traefik v3.6.13"),
                flag("-g", value=True, meta="GW_VERSION", defaultByTrack={"1.35": "v1.4.0", "1.36": "v1.5.1"},
                     note="Gateway API CRDs version"),
                flag("--default-ssl-certificate", value=True, meta="NS/NAME"),
            ], note="Traefik via Helm in namespace ingress (DaemonSet, hostPort 80/443); IngressClasses public "
                    "(default), traefik, nginx. Switched from nginx in core-addons commit ce8e8d1 (#375)"),
        ],
        "network": [
            net(S("1.4"), False, until="1.34"),
            net(S("1.4", "%s addons/ingress/enable; PR #402" % CORE), True, since="1.35", fetches=[
                "helm repo add traefik https://traefik.github.io/charts", "helm pull traefik/traefik",
                "kubectl apply -f https://github.com/kubernetes-sigs/gateway-api/releases/download/<GW>/standard-install.yaml"],
                workarounds=[
                    wk("flag", flags=["--gateway-api-crds-url"], available=False,
                       note="proposed in open PR canonical/microk8s-core-addons#402 (2026-05); not in any branch read"),
                    wk("local-chart-repo", flags=["-r", "-V"], inferred=True,
                       note="pre-populate a local chart repo; no official doc"),
                ]),
        ],
        "images": imgs({"1.31": ["registry.k8s.io/ingress-nginx/controller:v1.11.5"],
                        "1.32,1.33,1.34": ["registry.k8s.io/ingress-nginx/controller:v1.13.8"],
                        "1.35": ["docker.io/library/traefik:v3.6.2"],
                        "1.36": ["docker.io/library/traefik:v3.6.13"]}),
        "imagesInferred": ["1.36"],
        "imagesSource": S("1.3") + "; " + S("1.1") + " (1.33/1.34 nginx v1.13.8 from §1.1; 1.36 image name inferred from "
                        "chart 39.0.8 = Traefik v3.6.13)",
        "source": s,
    }
    s = core_src("hostpath-storage")
    A["hostpath-storage"] = {
        "repository": "core",
        "args": [
            args(s, complete=True, flags=[
                flag("--reclaim-policy", short="-r", value=True, values=["Delete", "Retain"], default="Delete"),
                flag("--default-class", short="-d", value=True, values=["true", "false"], default="true"),
            ], note="StorageClass microk8s-hostpath, provisioner microk8s.io/hostpath, WaitForFirstConsumer, "
                    "PV dir $SNAP_COMMON/default-storage"),
            args(s, action="disable", complete=True, positional=[
                pos(1, "destroy-storage", form="literal", literal="destroy-storage")]),
        ],
        "prompts": [{"action": "disable", "when": "destroy-storage is not given",
                     "what": "interactive Y/N question", "avoid": "pass destroy-storage", "source": s + "; " + S("7")}],
        "network": [net(S("1.4"), False)],
        "images": imgs({"1.31,1.32": ["docker.io/cdkbot/hostpath-provisioner:1.5.0", "docker.io/library/busybox:1.28.4"],
                        "1.35,1.36": ["docker.io/cdkbot/hostpath-provisioner:1.6.0", "docker.io/library/busybox:1.28.4"]}),
        "imagesSource": S("1.3", "busybox is used by helper pods, env BUSYBOX_IMAGE"),
        "source": s,
    }
    s = core_src("storage")
    A["storage"] = {
        "repository": "core",
        "aliasOf": {"addon": "hostpath-storage", "deprecated": True, "forwardsArgs": "none",
                    "note": "the storage script prints a DEPRECATION warning and enables hostpath-storage",
                    "source": s + "; " + S("1.1", "Renames and aliases")},
        "dependencies": [dep("core/hostpath-storage", s)],
        "args": [args(s, none=True, note="arguments are not forwarded to hostpath-storage")],
        "network": [net(S("1.4"), False, note="as hostpath-storage")],
        "source": s,
    }
    s = core_src("registry")
    A["registry"] = {
        "repository": "core",
        "dependencies": [dep("core/hostpath-storage", s, condition="unless --storageclass is given")],
        "args": [args(s, complete=True, flags=[
            flag("--size", value=True, default="20Gi", pattern=r"(^[2-9][0-9]{1,}|^[1-9][0-9]{2,})(Gi$)",
                 note=">= 20Gi, in Gi units"),
            flag("--storageclass", value=True, meta="NAME", note="the StorageClass must already exist"),
        ], positional=[pos(1, "size", form="key=value", key="size", deprecated={"replacement": "--size"},
                           note="legacy form registry:size=40Gi")],
            note="namespace container-registry, NodePort 32000, PVC registry-claim (RWX)")],
        "network": [net(S("1.4"), False)],
        "images": imgs({"1.31,1.32": ["docker.io/library/registry:2.8.1"],
                        "1.33,1.34,1.35,1.36": ["docker.io/library/registry:2.8.3"]}),
        "imagesSource": S("1.3") + "; " + S("1.1") + " (2.8.1 up to 1.32, 2.8.3 from 1.33)",
        "source": s,
    }
    s = core_src("metrics-server")
    A["metrics-server"] = {
        "repository": "core",
        "args": [args(s, none=True)],
        "serviceArgs": [sarg("kubelet", "--authentication-token-webhook", S("1.5") + "; " + s, value="true")],
        "network": [net(S("1.4"), False)],
        "images": imgs({"1.31,1.32": ["registry.k8s.io/metrics-server/metrics-server:v0.6.3"],
                        "1.35": ["registry.k8s.io/metrics-server/metrics-server:v0.8.0"],
                        "1.36": ["registry.k8s.io/metrics-server/metrics-server:v0.8.1"]}),
        "imagesSource": S("1.3"),
        "source": s,
    }
    s = core_src("nvidia")
    A["nvidia"] = {
        "repository": "core",
        "since": "1.29",
        "dependencies": [dep("core/dns", s, viaFlag="--requires"), dep("core/helm3", s, viaFlag="--requires")],
        "args": [args(S21 + "; " + S22, since="1.29", complete=True, flags=NVIDIA_FLAGS, positional=NVIDIA_POSITIONAL,
                      note="per-track defaults and behaviour: gpu.byTrack")],
        "network": [net(GPU_NET_SRC, True, fetches=[
            "helm repo add nvidia https://helm.ngc.nvidia.com/nvidia", "helm repo update nvidia",
            "chart nvidia/gpu-operator (and nvidia/network-operator with --network-operator)",
            "images from nvcr.io", "operator driver mode: the driver container compiles or downloads driver packages"],
            workarounds=[
                wk("host-driver", flags=["--gpu-operator-driver"], note="preinstall host drivers and use host mode "
                   "(maintainer workaround in canonical/microk8s#3881)"),
                wk("local-chart-repo", inferred=True, note="no chart-path flag: pre-create a local helm repo alias named "
                   "nvidia or install the chart manually with the same values (§4.4)"),
            ], issues=["canonical/microk8s#3881", "canonical/microk8s#3111"])],
        "source": s,
    }
    s = core_src("gpu")
    A["gpu"] = {
        "repository": "core",
        "aliasOf": {"addon": "nvidia", "since": "1.29", "deprecated": False, "forwardsArgs": "all",
                    "note": "prints 'The gpu addon has been renamed to nvidia' (core-addons PR #236, 2023-09)",
                    "source": s + "; " + S("1.1", "Renames and aliases")},
        "args": [args(S22, since="1.28", until="1.28", complete=True, flags=GPU128_FLAGS,
                      note="1.28: gpu is the real addon ('Automatic enablement of Nvidia CUDA'); no --gpu-operator-* names")],
        "network": [net(GPU_NET_SRC, True, until="1.28", fetches=["helm repo https://nvidia.github.io/gpu-operator",
                                                                  "images from nvcr.io"])],
        "source": s,
    }
    s = core_src("helm3")
    for n in ("helm", "helm3"):
        A[n] = {
            "repository": "core",
            "args": [args(s, none=True, note="no-op: Helm comes pre-installed (microk8s helm / helm3)")],
            "network": [net(S("1.4"), False, inferred=True, note="no-op addon")],
            "source": s,
        }
    s = core_src("metallb")
    A["metallb"] = {
        "repository": "core",
        "args": [args(s, complete=True, positional=[
            pos(1, "ranges", required=True, meta="A-B|CIDR[,...]",
                note="comma-separated IPv4/IPv6 ranges (a-b) or CIDRs, e.g. metallb:10.64.140.43-10.64.140.49 "
                     "or metallb 192.168.1.240/24")],
            note="creates IPAddressPool default-addresspool and L2Advertisement default-advertise-all-pools in metallb-system")],
        "prompts": [{"action": "enable", "when": "no address range argument", "what": "interactive prompt for the ranges",
                     "avoid": "pass the ranges as argument 1", "source": s + "; " + S("7")}],
        "network": [net(S("1.4"), False)],
        "images": imgs({"1.31,1.32": ["quay.io/metallb/controller:v0.13.3", "quay.io/metallb/speaker:v0.13.3"],
                        "1.35": ["quay.io/metallb/controller:v0.15.2", "quay.io/metallb/speaker:v0.15.2"],
                        "1.36": ["quay.io/metallb/controller:v0.15.3", "quay.io/metallb/speaker:v0.15.3"]}),
        "imagesSource": S("1.3"),
        "source": s,
    }
    s = core_src("host-access")
    A["host-access"] = {
        "repository": "core",
        "args": [args(s, complete=True, positional=[pos(1, "ip", form="key=value", key="ip", default="10.0.1.1",
                                                        meta="A.B.C.D")],
                      note="adds the /32 on lo labelled lo:microk8s; lock $SNAP_DATA/var/lock/host-access-enabled")],
        "network": [net(S("1.4"), False)],
        "source": s,
    }
    s = core_src("ha-cluster")
    A["ha-cluster"] = {
        "repository": "core",
        "args": [
            args(s, none=True, note="switches to Calico + dqlite"),
            args(s, action="disable", complete=True, flags=[
                flag("--force", value=False, note="needed on a single node; reverts to flannel + etcd (destructive reset)")]),
        ],
        "cni": {"enable": "calico", "disable": "flannel", "source": s + "; " + S("5")},
        "network": [net(S("1.4"), False, note="Calico images needed")],
        "source": s,
    }
    s = core_src("mayastor")
    A["mayastor"] = {
        "repository": "core",
        "dependencies": [dep("core/dns", s, viaFlag="--dns-addon"), dep("core/helm3", s, viaFlag="--helm-addon")],
        "args": [
            args(s, complete=True, flags=[
                flag("--skip-hugepages-check", value=False),
                flag("--skip-kernel-check", value=False),
                flag("--default-pool-size", value=True, default="20G"),
                flag("--create-storage-classes", value=False, negation="--no-create-storage-classes"),
                flag("--dns-addon", value=True, default="core/dns"),
                flag("--helm-addon", value=True, default="core/helm3"),
            ], note="requires HugePages_Total >= 1024 and the nvme_tcp kernel module"),
            args(s, action="disable", complete=True, flags=[
                flag("--remove-storage", value=False, negation="--preserve-storage"),
                flag("--force", value=False, negation="--no-force"),
            ]),
        ],
        "network": [net(S("1.4", "issue canonical/microk8s-core-addons#263"), True, fetches=["helm dependency update"],
                        issues=["canonical/microk8s-core-addons#263"],
                        note="the issue asks for a --no-dependency-update flag; none exists")],
        "source": s,
    }
    s = core_src("prometheus")
    A["prometheus"] = {
        "repository": "core",
        "aliasOf": {"addon": "observability", "deprecated": True, "forwardsArgs": "first",
                    "note": "enables observability with its first argument",
                    "source": s + "; " + S("1.1", "Renames and aliases")},
        "dependencies": [dep("core/observability", s)],
        "source": s,
    }
    s = core_src("observability")
    A["observability"] = {
        "repository": "core",
        "dependencies": [dep("core/dns", s), dep("core/helm3", s), dep("core/hostpath-storage", s)],
        "args": [args(s, complete=True, flags=[
            flag("--kube-prometheus-stack-values", value=True, meta="FILE"),
            flag("--kube-prometheus-stack-version", value=True,
                 defaultByTrack=per_track({"1.31,1.32": "45.5.0", "1.35,1.36": "77.6.2"})),
            flag("--loki-stack-values", value=True, meta="FILE"),
            flag("--loki-stack-version", value=True,
                 defaultByTrack=per_track({"1.31,1.32": "2.9.9", "1.35,1.36": "2.10.3"}),
                 note="facts say '2.9.9 -> 2.10.3'; read as 1.31/1.32 -> 1.35/main like the kube-prometheus-stack row"),
            flag("--tempo-values", value=True, meta="FILE"),
            flag("--tempo-version", value=True,
                 defaultByTrack=per_track({"1.31,1.32": "1.0.0", "1.35,1.36": "1.24.1"}),
                 note="facts say '1.0.0 -> 1.24.1'; read as 1.31/1.32 -> 1.35/main"),
            flag("--without-tempo", value=False),
        ], note="written as --flag=VALUE in the facts; namespace observability")],
        "serviceArgs": [
            sarg("kube-scheduler", "--authentication-kubeconfig", S("1.5") + "; " + s),
            sarg("kube-scheduler", "--authorization-kubeconfig", S("1.5") + "; " + s),
            sarg("kube-controller-manager", "--authentication-kubeconfig", S("1.5") + "; " + s),
            sarg("kube-controller-manager", "--authorization-kubeconfig", S("1.5") + "; " + s),
            sarg("kube-proxy", "--metrics-bind-address", S("1.5") + "; " + s, value="0.0.0.0:10249"),
        ],
        "network": [net(S("1.4"), True, fetches=["Helm charts from public repositories"],
                        workarounds=[wk("pinned-versions-and-local-values",
                                        flags=["--kube-prometheus-stack-version", "--kube-prometheus-stack-values"],
                                        inferred=True, note="no repository flag; offline use not documented")])],
        "source": s,
    }
    s = core_src("community")
    A["community"] = {
        "repository": "core",
        "args": [args(s, none=True, note="runs `microk8s addons repo add community $SNAP/addons/community --force` "
                                         "(local copy, no network)")],
        "network": [net(S("0.2", "%s@main:addons/community/enable" % CORE), False)],
        "source": s,
    }
    s = core_src("cert-manager")
    A["cert-manager"] = {
        "repository": "core",
        "dependencies": [dep("core/dns", s), dep("core/helm3", s, since="1.33")],
        "args": [args(s, since="1.33", complete=True, flags=[
            flag("-r", value=True, meta="REPO", default="https://charts.jetstack.io"),
            flag("-V", value=True, meta="VERSION",
                 defaultByTrack={"1.33": "v1.17.1", "1.34": "v1.18.2", "1.35": "v1.19.1", "1.36": "v1.20.2"}),
        ], note="Helm with crds.enabled=true, namespace cert-manager; up to 1.32 a static manifest v1.14.5 (no Helm)")],
        "network": [net(S("1.4"), False, until="1.32", note="static manifest v1.14.5"),
                    net(S("1.4"), True, since="1.33", fetches=["Helm chart from https://charts.jetstack.io"],
                        workarounds=[wk("local-chart-repo", flags=["-r", "-V"], inferred=True)])],
        "images": imgs({"1.31,1.32": ["quay.io/jetstack/cert-manager-cainjector:v1.14.5",
                                      "quay.io/jetstack/cert-manager-controller:v1.14.5",
                                      "quay.io/jetstack/cert-manager-webhook:v1.14.5"]}),
        "imagesSource": S("1.3", "manifest"),
        "source": s,
    }
    s = core_src("kube-ovn")
    A["kube-ovn"] = {
        "repository": "core",
        "dependencies": [dep("core/ha-cluster", s, kind="requires", condition="the ha-cluster lock must exist, "
                             "otherwise enable errors")],
        "args": [args(s, complete=True, flags=[
            flag("--force", value=False, required=True),
            flag("--hostname", value=True, meta="H1,H2", note="ovn-db nodes, labelled kube-ovn/role=master"),
        ], note="defaults POD_CIDR 10.1.0.0/16, SVC_CIDR 10.152.183.0/24, JOIN_CIDR 100.64.0.0/16, geneve")],
        "cni": {"replaces": "calico", "note": "deletes Calico and moves cni.yaml to cni.yaml.backup",
                "source": s + "; " + S("5")},
        "conflicts": [{"addon": "community/cilium", "reason": "both replace the primary CNI", "inferred": True,
                       "source": S("5")}],
        "network": [net(S("1.4"), False)],
        "images": imgs({"1.31": ["docker.io/kubeovn/kube-ovn:v1.10.0"], "1.32": ["docker.io/kubeovn/kube-ovn:v1.12.21"],
                        "1.33,1.34,1.35,1.36": ["docker.io/kubeovn/kube-ovn:v1.13.8"]}),
        "imagesSource": s + " (1.31 also uses tag v1.10.0-no-avx512 on CPUs without AVX512)",
        "source": s,
    }
    s = core_src("minio")
    A["minio"] = {
        "repository": "core",
        "deprecated": {"since": "1.35", "note": "MinIO (DEPRECATED); the addons.yaml description says DEPRECATED "
                       "from the 1.35 branch on", "source": s + "; tracks/<track>/addons-core.yaml descriptions"},
        "enableRefused": {"since": "1.35", "message": "deprecated and cannot be enabled", "note": "disable still works",
                          "source": s},
        "dependencies": [dep("core/dns", s, until="1.32"), dep("core/helm3", s, until="1.32"),
                         dep("core/hostpath-storage", s, until="1.32")],
        "args": [args(s, until="1.32", complete=True, flags=[
            flag("-k", value=False), flag("-s", value=True, meta="SC"), flag("-c", value=True, meta="CAP"),
            flag("-n", value=True, meta="SERVERS"), flag("-v", value=True, meta="VOLS"),
            flag("-t", value=True, meta="TENANT"), flag("-T", value=False), flag("-p", value=False),
            flag("-r", value=True, meta="REPO"), flag("-V", value=True, meta="VER"),
        ], note="MinIO operator v6.0.2")],
        "network": [net(S("1.4"), True, until="1.32", fetches=["Helm charts from public repositories"],
                        workarounds=[wk("local-chart-repo", flags=["-r", "-V"], inferred=True)])],
        "source": s,
    }
    s = core_src("cis-hardening")
    A["cis-hardening"] = {
        "repository": "core",
        "dependencies": [dep("core/rbac", s)],
        "args": [args(s, complete=True, flags=[
            flag("--kubebench-version", value=True, default="0.6.13"),
            flag("--skip-kubebench-installation", value=False),
        ])],
        "network": [net(S("1.4"), True, fetches=["kube-bench download from GitHub"],
                        workarounds=[wk("flag", flags=["--skip-kubebench-installation"])])],
        "source": s,
    }
    s = core_src("rook-ceph")
    A["rook-ceph"] = {
        "repository": "core",
        "args": [args(s, complete=True, flags=[
            flag("--rook-version", value=True,
                 defaultByTrack=per_track({"1.31,1.32": "v1.11.9", "1.33": "v1.16.6", "1.34": "v1.18.0",
                                           "1.35,1.36": "v1.18.7"})),
            flag("--rook-repository", value=True, default="https://charts.rook.io/release"),
            flag("--set", value=True, repeatable=True),
            flag("--values", short="-f", value=True, repeatable=True),
        ], note="uses the bundled helm; namespace rook-ceph; adds `microk8s connect-external-ceph`")],
        "network": [net(S("1.4"), True, fetches=["Helm chart from https://charts.rook.io/release"],
                        workarounds=[wk("local-chart-repo", flags=["--rook-repository", "--rook-version"], inferred=True)])],
        "source": s,
    }
    s = core_src("dashboard")
    A["dashboard"] = {
        "repository": "core",
        "removed": {"track": "1.36", "note": "removed in main (commit 1824e87e); 1.35 prints 'deprecated ... removed in 1.36'",
                    "source": s},
        "dependencies": [dep("core/metrics-server", s), dep("core/helm3", s, since="1.33", until="1.35")],
        "args": [args(s, since="1.33", until="1.35", complete=True, flags=[
            flag("-r", value=True, meta="REPO"),
            flag("-V", value=True, meta="VERSION", defaultByTrack={"1.33": "7.11.1", "1.34": "7.13.0", "1.35": "7.14.0"}),
        ], note="Helm chart from kubernetes-retired.github.io/dashboard; up to 1.32 a static manifest")],
        "network": [net(S("1.4"), False, until="1.32", note="static manifest"),
                    net(S("1.4"), True, since="1.33", until="1.35",
                        fetches=["Helm chart from kubernetes-retired.github.io/dashboard"],
                        workarounds=[wk("local-chart-repo", flags=["-r", "-V"], inferred=True)])],
        "images": imgs({"1.31,1.32": ["docker.io/kubernetesui/dashboard:v2.7.0", "docker.io/kubernetesui/metrics-scraper:v1.0.8"]}),
        "imagesSource": S("1.3"),
        "source": s,
    }
    return A


def community_addons():
    A = {}

    def c(name, deps=(), flags=(), note=None, **extra):
        s = comm_src(name)
        e = {"repository": "community", "source": s}
        if deps:
            e["dependencies"] = [dep("core/" + d, s) for d in deps]
        if flags:
            e["args"] = [args(s, flags=flags, complete=False)]
        if note:
            e["note"] = note
        e.update(extra)
        A[name] = e
        return e

    c("microcks", ["dns", "hostpath-storage", "ingress"])
    c("dashboard-ingress", ["ingress", "dashboard"], [
        flag("--hostname", short="-n"), flag("--allow", short="-a"), flag("--auth"), flag("--auth-user")],
      note="option list in the facts ends with '...': incomplete")
    c("istio", ["dns"])
    c("knative", ["dns"], [flag("--eventing"), flag("--no-serving")])
    c("fluentd", ["dns"])
    c("jaeger", ["dns"])
    c("linkerd", ["dns"])
    s = comm_src("cilium")
    c("cilium", ["helm3"], [flag("--version", value=True, default="v1.15.2"), flag("--skip-cilium-cli", value=False)],
      cni={"replaces": "calico", "note": "stops flanneld; removes Calico only if the ha-cluster lock and cni.yaml exist "
                                         "(moves it to cni.yaml.disabled); reads IPv4_CLUSTER_CIDR from cni-env "
                                         "(default 10.1.0.0/16)", "source": s + "; " + S("5")},
      conflicts=[{"addon": "core/kube-ovn", "reason": "both replace the primary CNI", "inferred": True, "source": S("5")}],
      serviceArgs=[sarg("kube-apiserver", "--allow-privileged", S("1.5"), value="true", note="already the default")],
      network=[net(S("1.4", "issue canonical/microk8s#1332"), True,
                   fetches=["cilium tarball from GitHub", "Helm chart from helm.cilium.io", "cilium CLI"],
                   workarounds=[wk("flag", flags=["--skip-cilium-cli"], inferred=True,
                                   note="skips only the CLI download")],
                   issues=["canonical/microk8s#1332"])])
    c("multus", cni={"meta": True, "note": "meta-CNI: adds secondary pod NICs next to the primary CNI",
                     "source": S("5")})
    c("nfs", ["helm3"], [flag("-n", value=True, meta="NODE")])
    c("portainer", (), [flag("--dns-addon"), flag("--helm3-addon"), flag("--ingress-addon"), flag("--storage-addon"),
                        flag("--rbac-addon"), flag("--metric-server-addon"), flag("--enable-ee")],
      note="dependencies are chosen through the --*-addon options")
    s = comm_src("traefik")
    c("traefik", deprecated={"replacement": "core/ingress", "since": "1.35",
                             "note": "DEPRECATED in favour of the core ingress addon (Traefik since 1.35); the "
                                     "addons.yaml description says DEPRECATED from the 1.35 branch on",
                             "source": S("1.1", "%s main: addons/traefik/enable" % COMMUNITY)
                             + "; tracks/<track>/addons-community.yaml descriptions"})
    c("keda", ["dns"])
    c("openfaas", ["dns", "helm3"], [flag("--operator"), flag("--no-auth")])
    c("openebs", ["dns", "helm3"], [flag("-j", value=True), flag("-h", value=True)], note="getopts ':j:h:'")
    c("kata", (), [flag("--runtime-path", value=True)],
      note="uses the kata runtime already present in containerd-template.toml")
    c("inaccel", ["dns"])
    c("trivy", ["dns", "helm3"])
    c("argocd", ["helm3"], [flag("-v", value=True, meta="VERSION"), flag("-f", value=True, meta="VALUES")])
    c("osm-edge", ["dns"])
    c("sosivio", ["dns", "helm3"])
    c("kwasm", ["helm3"])
    c("gopaddle", ["dns", "helm3"], [flag("--version")])
    c("parking", ["dns", "helm3"])
    c("easyhaproxy", ["dns", "helm3"])
    c("shifu", ["dns"])
    c("kubearmor", ["helm3"])
    c("falco", ["dns", "helm3", "hostpath-storage"])
    c("cloudnative-pg")
    c("ngrok", (), [flag("--api-key"), flag("--authtoken"), flag("--namespace"), flag("--secret-name")])
    c("stunner", ["dns", "helm3"])
    c("sriov-device-plugin", (), [flag("--resources-file")])
    c("amd", (), [flag("--gpu-operator-version"), flag("--gpu-operator-set"), flag("--gpu-operator-values"),
                  flag("--install-cert-manager"), flag("--cert-manager-version"), flag("--debug")],
      note="options read on main only")
    c("forgejo", (), [flag("--admin"), flag("--email"), flag("--pw")], note="options read on main only")
    return A


# --------------------------------------------------------------------------- checks

# strings that must occur in the facts file (section headings and key values)
NEEDLES = [
    "### 0.1 How `microk8s enable/disable` parses addon arguments",
    "### 0.2 Where addons come from",
    "### 1.1 Core addons",
    "### 1.2 Community addons",
    "### 1.3 Container images by addon and release",
    "### 1.4 Addons that need the internet at enable time",
    "### 1.5 Service-arg side effects of addons",
    "### 2.1 What the addon does",
    "### 2.2 Flags and defaults by branch",
    "### 2.3 containerd runtime wiring for NVIDIA",
    "### 2.4 MIG configuration",
    "## 5. CNI defaults, alternatives, cni-env / extraCNIEnv",
    "## 7. Validator and compiler checklist",
    "| `--gpu-operator-version` default | v23.9.1 | v24.6.2 | v25.3.0 | v25.3.2 | v25.10.0 | v25.10.0 |",
    "| `--network-operator-version` default | 23.7.0 | 23.7.0 | 25.1.0 | 25.1.0 | 25.7.0 | 25.7.0 |",
    "`--version` (default v23.9.1), `--driver auto|operator|host`",
    "`storage` → `hostpath-storage`",
    "`gpu` → `nvidia`",
    "`prometheus` → `observability`",
    "`$3` = cluster domain (default cluster.local), **1.33+ only**",
    "`-V CHART_VERSION` (1.35: 37.4.0 = Traefik v3.6.2; main: 39.0.8 = Traefik v3.6.13)",
    "`-g GW_VERSION` (Gateway API CRDs; 1.35 v1.4.0, main v1.5.1)",
    "`-r/--reclaim-policy Delete\\|Retain` (default Delete), `-d/--default-class true\\|false` (default true)",
    "`(^[2-9][0-9]{1,}\\|^[1-9][0-9]{2,})(Gi$)`",
    "Image registry:2.8.1 (≤1.32) / 2.8.3 (1.33+)",
    "`--default-pool-size` (default 20G)",
    "(1.31/1.32: 45.5.0; 1.35/main: 77.6.2)",
    "`--loki-stack-version=` (2.9.9 → 2.10.3)",
    "`--tempo-version=` (1.0.0 → 1.24.1)",
    "(1.33 v1.17.1, 1.34 v1.18.2, 1.35 v1.19.1, main v1.20.2)",
    "1.31 v1.10.0 [+`-no-avx512` tag on CPUs without AVX512]; 1.32 v1.12.21; 1.33+ v1.13.8",
    "`-k -s SC -c CAP -n SERVERS -v VOLS -t TENANT -T -p -r REPO -V VER` (operator v6.0.2)",
    "`--kubebench-version` (default 0.6.13)",
    "`--rook-version` (1.31/1.32 v1.11.9; 1.33 v1.16.6; 1.34 v1.18.0; 1.35/main v1.18.7)",
    "(7.11.1 / 7.13.0 / 7.14.0)",
    "| CoreDNS (docker.io/coredns/coredns) | 1.10.1 | 1.10.1 | 1.13.1 | 1.14.3 (images.txt still says 1.13.1) |",
    "| metrics-server (registry.k8s.io/metrics-server/metrics-server) | v0.6.3 | v0.6.3 | v0.8.0 | v0.8.1 |",
    "| registry (docker.io/library/registry) | 2.8.1 | 2.8.1 | 2.8.3 | 2.8.3 |",
    "| metallb (quay.io/metallb/controller, speaker) | v0.13.3 | v0.13.3 | v0.15.2 | v0.15.3 |",
    "| hostpath-provisioner (docker.io/cdkbot/hostpath-provisioner) | 1.5.0 | 1.5.0 | 1.6.0 | 1.6.0 |",
    "(1.31 v1.11.5; 1.32–1.34 v1.13.8)",
    "quay.io/jetstack/cert-manager-{cainjector,controller,webhook}:v1.14.5",
    "kubernetesui/dashboard:v2.7.0 + kubernetesui/metrics-scraper:v1.0.8",
    "`--version` (default v1.15.2), `--skip-cilium-cli`",
    "1.35 and main only: `RUNTIME_CONFIG_SOURCE=file=/var/snap/microk8s/current/args/containerd.toml`",
    "`CONTAINERD_CONFIG=/var/snap/microk8s/current/args/containerd-template.toml`",
    "`CONTAINERD_SOCKET=/var/snap/microk8s/common/run/containerd.sock`",
    "`helm install gpu-operator nvidia/gpu-operator --version=<v> --create-namespace --namespace=gpu-operator-resources -f -`",
    "Valid values: `none`, `single`, `mixed`",
    "PR #402",
    "#263",
]


def _parse_gpu_readme(text):
    out = {}
    for line in text.splitlines():
        m = re.match(r"^\| (1\.\d+|main) \| (v[\d.]+) \| ([\d.]+) \|", line)
        if m:
            t = "1.36" if m.group(1) == "main" else m.group(1)
            out[t] = (m.group(2), m.group(3))
    return out


def _in_range(t, since, until):
    k = tuple(int(x) for x in t.split("."))
    if since and k < tuple(int(x) for x in since.split(".")):
        return False
    if until and k > tuple(int(x) for x in until.split(".")):
        return False
    return True


def _walk_ranges(obj, path=""):
    if isinstance(obj, dict):
        if "since" in obj or "until" in obj:
            yield path, obj.get("since"), obj.get("until")
        for k, v in obj.items():
            yield from _walk_ranges(v, path + "/" + k)
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _walk_ranges(v, "%s[%d]" % (path, i))


def build(ref, tracks, gpu, read_text, qualify, warnings):
    facts_path = os.path.join(ref, FACTS)
    facts = read_text(facts_path)
    missing = [n for n in NEEDLES if n not in facts]
    if missing:
        raise ValueError("addons facts: strings not found in %s: %r" % (FACTS, missing))
    gpu_readme = _parse_gpu_readme(read_text(os.path.join(ref, "gpu-operator", "README.md")))
    for t, (g, n) in gpu_readme.items():
        if GPU_OPERATOR_DEFAULT.get(t) != g or NETWORK_OPERATOR_DEFAULT.get(t) != n:
            raise ValueError("GPU defaults for %s differ from gpu-operator/README.md: %s/%s" % (t, g, n))
    if set(gpu_readme) != set(GPU_OPERATOR_DEFAULT):
        raise ValueError("GPU default tracks differ from gpu-operator/README.md: %r" % sorted(gpu_readme))
    for v in set(GPU_OPERATOR_DEFAULT.values()) | {"v23.9.1"}:
        if v not in gpu:
            raise ValueError("GPU Operator %s has no gpu-operator/ folder" % v)

    addons = core_addons()
    comm = community_addons()
    clash = set(addons) & set(comm)
    if clash:
        raise ValueError("addon in both repositories: %r" % clash)
    addons.update(comm)

    # every addon must exist in some track with the same repository; ranges must hit tracks where it exists
    present = {}
    for t, td in tracks.items():
        for a in td["addons"]:
            present.setdefault(a["name"], {})[t] = a["repository"]
    for name, e in addons.items():
        if name not in present:
            raise ValueError("addon %s is not in any track's addons.yaml" % name)
        repos = set(present[name].values())
        if repos != {e["repository"]}:
            raise ValueError("addon %s: repository %s vs addons.yaml %r" % (name, e["repository"], repos))
        for path, since, until in _walk_ranges(e):
            hit = [t for t in present[name] if _in_range(t, since, until)]
            if not hit:
                raise ValueError("addon %s%s: range %s..%s matches no track where it exists" % (name, path, since, until))
        for d in e.get("dependencies", []) + e.get("conflicts", []):
            repo, dn = d["addon"].split("/")
            if dn not in present or repo not in present[dn].values():
                raise ValueError("addon %s: dependency %s unknown" % (name, d["addon"]))
        for t in e.get("images", {}):
            if t not in present[name]:
                raise ValueError("addon %s: images for %s where it does not exist" % (name, t))
        e["availableTracks"] = sorted(present[name], key=lambda t: tuple(int(x) for x in t.split(".")))
        # image refs must be fully qualified; note where a track's images.txt names another tag
        differs = {}
        for t, refs in sorted(e.get("images", {}).items()):
            for r in refs:
                if qualify(r) != r:
                    raise ValueError("addon %s: image %s is not fully qualified" % (name, r))
                repo = r.rsplit(":", 1)[0]
                other = [i for i in tracks[t]["images"] if i.rsplit(":", 1)[0] == repo and i != r]
                if other:
                    differs.setdefault(t, []).extend(other)
                    warnings.append("addon %s %s: facts say %s, images.txt says %s" % (name, t, r, ", ".join(other)))
        if differs:
            e["imagesTxtDiffers"] = differs
    if "nvidia" in present and min(present["nvidia"], key=lambda t: tuple(int(x) for x in t.split("."))) != "1.29":
        raise ValueError("nvidia addon first track is not 1.29")

    return {
        "schemaVersion": 1,
        "factsFile": FACTS,
        "coverage": {
            "verifiedTracks": ["1.31", "1.32", "1.35", "1.36"],
            "partlyVerifiedTracks": ["1.28", "1.29", "1.30", "1.33", "1.34"],
            "note": "Core addon facts were read on core-addons main (= 1.36) and branches 1.31, 1.32, 1.35, with some "
                    "values for 1.33/1.34 and the GPU flags for 1.28-1.35; community addon facts on community-addons main. "
                    "A fact without since/until is not known to change within the catalog tracks, but tracks 1.27-1.30 "
                    "were not read for it. Per-track maps (images, defaultByTrack) list only the tracks the facts give.",
            "source": FACTS + " (snapshot table at the top of the file)",
        },
        "trackNames": {"main": "1.36", "master": "1.36"},
        "argumentSyntax": {
            "token": "[repo/]name[:arg1[:arg2...]]",
            "colonSplitsOnEveryColon": True,
            "colonFormCannotCarryColons": "a value containing ':' (IPv6 address, URL) cannot be passed in colon form; "
                                          "use the launch config args list (unix style)",
            "legacyMultiAddonStyle": "used when every ':'-stripped token is a known addon name; prints a deprecation warning",
            "unixStyle": "first token is the addon, remaining tokens are its arguments",
            "mixingStylesError": "Can't pass string arguments and flag arguments simultaneously!",
            "ambiguousName": "a bare name present in two repositories is an error: use core/x or community/x",
            "unknownName": "prints 'Addon ... not found' and continues (exit 0)",
            "alreadyEnabled": "skipped with 'Addon core/x is already enabled' (enabled status from check_status)",
            "architectureFilter": "addons whose supported_architectures lack the node arch are not available",
            "classicConfinement": "addons with confinement: classic are not available on strict snaps",
            "recursiveEnableLock": "$SNAP_DATA/var/lock/.microk8s-addon-lock (children run with MICROK8S_ADDONS_SKIP_LOCK=1)",
            "help": "microk8s enable ADDON -- --help",
            "source": S("0.1", "%s@master:scripts/wrappers/common/utils.py parse_xable_addon_args, "
                               "parse_xable_single_arg, unprotected_xable" % MK),
        },
        "repositories": {
            "core": {"autoAdded": True, "branchRule": "branch named after the track (main for 1.36)"},
            "community": {"autoAdded": False, "enableWith": "core/community", "network": False,
                          "branchRule": "branch named after the track (main for 1.36)"},
            "extraRepoCommand": "microk8s addons repo add NAME URL_or_path [--reference REF] [--force]",
            "extraRepoPath": "$SNAP_COMMON/addons/<name>",
            "source": S("0.2", "%s@<track>:build-scripts/addons/repositories.sh, scripts/wrappers/addons.py" % MK),
        },
        "serviceArgsPropagation": {
            "helper": "refresh_opt_in_config",
            "allNodesWhen": ["$SNAP_DATA/var/lock/ha-cluster exists", "callback tokens exist"],
            "mechanism": "distributed_op.py update_argument",
            "source": S("1.5", "%s@master:microk8s-resources/actions/common/utils.sh" % MK),
        },
        "addons": addons,
        "cni": {
            "default": "calico",
            "defaultBackend": "vxlan",
            "defaultPodCidr": "10.1.0.0/16",
            "defaultServiceCidr": "10.152.183.0/24",
            "defaultDnsIp": "10.152.183.10",
            "flannel": "used only in non-HA mode (after `microk8s disable ha-cluster --force`)",
            "primaryCniAddons": ["core/kube-ovn", "community/cilium"],
            "metaCniAddons": ["community/multus"],
            "cniEnv": {
                "file": "$SNAP_DATA/args/cni-env",
                "since": "1.28",
                "keys": ["CNI", "IPv4_SUPPORT", "IPv4_CLUSTER_CIDR", "IPv4_SERVICE_CIDR", "IPv6_SUPPORT",
                         "IPv6_CLUSTER_CIDR", "IPv6_SERVICE_CIDR", "CALICO_VETH_MTU"],
                "rules": ["CNI must be calico",
                          "IPv4_SUPPORT=true requires IPv4_CLUSTER_CIDR and IPv4_SERVICE_CIDR (same for IPv6)",
                          "at least one of IPv4_SUPPORT / IPv6_SUPPORT must be true",
                          "dual stack joins the CIDRs as v4,v6"],
                "appliedOnlyAtInstall": {"value": True, "inferred": True,
                                         "note": "generate-cni.sh runs only in the install hook"},
                "extraSansHint": {"note": "tests put the first IP of a changed service CIDR into extraSANs", "inferred": True},
                "dnsCaveat": {"note": "with a non-default service CIDR do not hard-code --cluster-dns 10.152.183.10",
                              "inferred": True},
            },
            "source": S("5", "%s@master:upgrade-scripts/000-switch-to-calico/resources/calico.yaml, "
                             "scripts/generate-cni.sh" % MK),
        },
        "gpu": gpu_section(),
    }
