#!/usr/bin/env python3
"""Generate launchc's catalog (JSON) from the reference facts folder.

Usage:
    python3 tools/catalog-import/import.py [REFERENCE_DIR] [--out DIR] [--check]

REFERENCE_DIR defaults to ../shared/reference relative to the repository root.
The output goes to compiler/src/main/resources/dev/launchc/catalog/ unless
--out is given. With --check nothing is written: the script exits with status 1
if the files on disk differ from what it would generate.

It needs the Python 3 standard library and PyYAML (Debian's python3-yaml,
installed by tools/test-deps). See README.md next to this file for the output
format and where each fact comes from.
"""

import argparse
import json
import os
import re
import sys

sys.dont_write_bytecode = True  # keep tools/catalog-import free of __pycache__
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

try:
    import yaml  # noqa: E402  Debian's python3-yaml
except ImportError:
    sys.exit("catalog-import needs PyYAML: install Debian's python3-yaml (tools/test-deps does)")
import addons_facts  # noqa: E402
import snap_facts  # noqa: E402

REPO_ROOT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_REF = os.path.join(os.path.dirname(REPO_ROOT), "shared", "reference")
DEFAULT_OUT = os.path.join(REPO_ROOT, "compiler", "src", "main", "resources", "dev", "launchc", "catalog")

SCHEMA_VERSION = 1
WARNINGS = []


class ImportError_(Exception):
    pass


def fail(msg):
    raise ImportError_(msg)


def check(cond, msg):
    if not cond:
        fail(msg)


# ---------------------------------------------------------------- helpers

def vkey(v):
    """Sort key for '1.32', 'v24.6.2', '0.2.0'."""
    return tuple(int(x) for x in v.lstrip("v").split("."))


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def read_text(path):
    raw = read_bytes(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        fail("%s is not UTF-8: %s" % (path, e))
    check(text.encode("utf-8") == raw, "%s does not round-trip through UTF-8" % path)
    return text


def read_yaml(path):
    try:
        return yaml.safe_load(read_text(path))
    except yaml.YAMLError as e:
        fail("%s: %s" % (path, e))


def listdirs(path):
    return sorted(d for d in os.listdir(path) if os.path.isdir(os.path.join(path, d)))


_REF_PATH = re.compile(r"^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$")
_TAG = re.compile(r"^[\w][\w.-]{0,127}$")


def qualify_image(ref):
    """Fully qualify an image reference the way containerd/docker normalise it:
    no registry -> docker.io, single path element on docker.io -> library/NAME,
    no tag and no digest -> :latest."""
    ref = ref.strip()
    digest = None
    if "@" in ref:
        ref, digest = ref.split("@", 1)
    slash = ref.rfind("/")
    colon = ref.rfind(":")
    if colon > slash:
        repo, tag = ref[:colon], ref[colon + 1:]
    else:
        repo, tag = ref, None
    parts = repo.split("/")
    first = parts[0]
    if len(parts) > 1 and ("." in first or ":" in first or first == "localhost" or first != first.lower()):
        domain, path = first, "/".join(parts[1:])
    else:
        domain, path = "docker.io", repo
    if domain == "index.docker.io":
        domain = "docker.io"
    if domain == "docker.io" and "/" not in path:
        path = "library/" + path
    if tag is None and digest is None:
        tag = "latest"
    check(_REF_PATH.match(path) is not None, "bad image path in %r" % ref)
    check(tag is None or _TAG.match(tag) is not None, "bad image tag in %r" % ref)
    out = domain + "/" + path
    if tag is not None:
        out += ":" + tag
    if digest is not None:
        out += "@" + digest
    return out


# ---------------------------------------------------------------- JSON output

def _scalar(v):
    if isinstance(v, float):
        check(v == v and v not in (float("inf"), float("-inf")), "non-finite float")
    return json.dumps(v, ensure_ascii=False)


def _is_scalar(v):
    return v is None or isinstance(v, (str, int, float, bool))


def dumps(obj):
    """Deterministic JSON: sorted keys, 1-space indent; objects and arrays that
    hold only scalars are written on one line when that line stays short."""
    def enc(o, ind):
        if _is_scalar(o):
            return _scalar(o)
        if isinstance(o, dict):
            for k in o:
                check(isinstance(k, str), "non-string key %r" % (k,))
            items = sorted(o.items())
            if not items:
                return "{}"
            if all(_is_scalar(v) for _, v in items):
                one = "{" + ", ".join(_scalar(k) + ": " + _scalar(v) for k, v in items) + "}"
                if ind + len(one) <= 120:
                    return one
            pad = " " * (ind + 1)
            return "{\n" + ",\n".join(pad + _scalar(k) + ": " + enc(v, ind + 1) for k, v in items) + "\n" + " " * ind + "}"
        if isinstance(o, (list, tuple)):
            if not o:
                return "[]"
            if all(_is_scalar(v) for v in o):
                one = "[" + ", ".join(_scalar(v) for v in o) + "]"
                if ind + len(one) <= 120:
                    return one
            pad = " " * (ind + 1)
            return "[\n" + ",\n".join(pad + enc(v, ind + 1) for v in o) + "\n" + " " * ind + "]"
        fail("cannot encode %r" % (o,))
    return enc(obj, 0) + "\n"


# ---------------------------------------------------------------- tracks

def parse_helper_insert(text, path):
    if text.startswith("TOP"):
        check('"1i$replace_line"' in text, "%s: TOP without the 1i sed expression" % path)
        return "top"
    if text.startswith("APPEND"):
        return "append"
    fail("%s: cannot tell whether the helper inserts at the top or appends" % path)


def parse_generate_cni(text, path):
    m = re.match(r"^scripts/generate-cni\.sh: (PRESENT|ABSENT)\b", text)
    check(m is not None, "%s: unexpected format" % path)
    return m.group(1) == "PRESENT"


def read_default_args(base):
    """Every file under default-args/ (dot files included), keyed by its path
    under $SNAP_DATA/args after the install hook's rename of
    certs.d/localhost__32000 -> certs.d/localhost:32000."""
    out = {}
    raw_by_key = {}
    for root, dirs, files in os.walk(base):
        dirs.sort()
        for name in sorted(files):
            full = os.path.join(root, name)
            check(not os.path.islink(full), "symlink in default-args: %s" % full)
            rel = os.path.relpath(full, base).replace(os.sep, "/")
            parts = rel.split("/")
            if len(parts) > 1 and parts[0] == "certs.d" and "__" in parts[1]:
                check(parts[1] == "localhost__32000", "unknown renamed certs.d folder %s (only localhost__32000 is renamed by the install hook)" % rel)
                parts[1] = "localhost:32000"
            key = "/".join(parts)
            check(key not in out, "duplicate default-args key %s" % key)
            out[key] = read_text(full)
            raw_by_key[key] = read_bytes(full)
    return out, raw_by_key


def image_tag(images, repo):
    tags = [i.rsplit(":", 1)[1] for i in images if i.rsplit(":", 1)[0] == repo]
    check(len(tags) == 1, "expected exactly one %s image, got %r" % (repo, tags))
    return tags[0]


ADDON_FIELDS = {
    "name": "name",
    "description": "description",
    "version": "version",
    "check_status": "checkStatus",
    "supported_architectures": "supportedArchitectures",
    "confinement": "confinement",
}


def read_addons(path, repository):
    data = read_yaml(path)
    check(isinstance(data, dict) and list(data) == ["microk8s-addons"], "%s: unexpected top level" % path)
    lst = data["microk8s-addons"]["addons"]
    out = []
    seen = set()
    for a in lst:
        unknown = set(a) - set(ADDON_FIELDS)
        check(not unknown, "%s: unknown addon fields %r" % (path, unknown))
        check(a["name"] not in seen, "%s: duplicate addon %s" % (path, a["name"]))
        seen.add(a["name"])
        e = {"repository": repository}
        for k, v in a.items():
            if k == "supported_architectures":
                check(isinstance(v, list) and all(isinstance(x, str) for x in v), "%s: bad architectures" % path)
                v = sorted(set(v))
            else:
                check(isinstance(v, str), "%s: %s.%s is not a string: %r" % (path, a["name"], k, v))
            e[ADDON_FIELDS[k]] = v
        out.append(e)
    return out


def parse_readme_sources_table(ref):
    """tracks/README.md 'Full commit SHAs' table: branch -> {repo: branch@sha}."""
    text = read_text(os.path.join(ref, "tracks", "README.md"))
    rows = {}
    repos = ["canonical/microk8s", "canonical/microk8s-core-addons",
             "canonical/microk8s-community-addons", "canonical/microk8s-cluster-agent"]
    for line in text.splitlines():
        m = re.match(r"^\| (\S+) \| `([^`]+)` \| `([^`]+)` \| `([^`]+)` \| (.+) \|$", line)
        if m:
            last = m.group(5).strip()
            ca = last.strip("`") if last.startswith("`") else None
            rows[m.group(1)] = dict(zip(repos, [m.group(2), m.group(3), m.group(4), ca]))
    return rows


def build_tracks(ref):
    tdir = os.path.join(ref, "tracks")
    readme_sources = parse_readme_sources_table(ref)
    tracks = {}
    raw_checks = {}
    for branch in listdirs(tdir):
        p = os.path.join(tdir, branch)
        v = read_yaml(os.path.join(p, "versions.yaml"))
        minor = str(v["kubernetes"]["minor"])
        if branch == "master":
            check(v["track"] == "master", "master/versions.yaml track mismatch")
            name = minor
        else:
            name = v["track"]
            check(name == branch and minor == branch, "%s: track/minor mismatch" % branch)
        check(name not in tracks, "duplicate track %s" % name)

        images = sorted(set(qualify_image(l) for l in read_text(os.path.join(p, "images.txt")).splitlines()
                            if l.strip() and not l.strip().startswith("#")))
        default_args, raw_args = read_default_args(os.path.join(p, "default-args"))
        lc = v["launch_config"]
        sources = {}
        for repo, s in sorted(v["sources"].items()):
            if s is None:
                sources[repo] = None
            else:
                ref_name = s["ref"]
                check(ref_name.startswith("refs/heads/"), "%s: unexpected ref %s" % (branch, ref_name))
                sources[repo] = "%s@%s" % (ref_name[len("refs/heads/"):], s["commit"])
        if branch in readme_sources:
            check(readme_sources[branch] == sources,
                  "%s: versions.yaml sources differ from tracks/README.md: %r vs %r" % (branch, sources, readme_sources[branch]))
        else:
            fail("tracks/README.md has no commit row for %s" % branch)

        # cross-checks between files
        tmpl = default_args["containerd-template.toml"]
        m = re.search(r'^\s*sandbox_image = "([^"]+)"', tmpl, re.M)
        check(m is not None and m.group(1) == v["pause_image"], "%s: pause image mismatch with containerd-template.toml" % branch)
        check(qualify_image(v["pause_image"]) in images, "%s: pause image not in images.txt" % branch)
        calico = image_tag(images, "docker.io/calico/node")
        check(calico == v["calico"], "%s: calico version mismatch" % branch)
        default_lc = read_text(os.path.join(p, "microk8s.default.yaml"))
        m = re.search(r"^version: (\S+)$", default_lc, re.M)
        check(m is not None and m.group(1) == lc["default_file_version"], "%s: default launch config version mismatch" % branch)

        others = {}
        for k, val in sorted(v.get("other_components", {}).items()):
            check(isinstance(val, str), "%s: other_components.%s not a string" % (branch, k))
            others[k] = val

        core = read_addons(os.path.join(p, "addons-core.yaml"), "core")
        community = read_addons(os.path.join(p, "addons-community.yaml"), "community")
        clash = set(a["name"] for a in core) & set(a["name"] for a in community)
        check(not clash, "%s: addon names in both repositories: %r" % (branch, clash))

        tracks[name] = {
            "track": name,
            "branch": branch,
            "kubernetesMinor": minor,
            # master has an empty KUBE_TRACK: its minor is the reference's inference (versions.yaml comment)
            "kubernetesMinorInferred": v["kubernetes"]["kube_track_default"] == "",
            "containerd": v["containerd"],
            "runc": v["runc"],
            "pauseImage": v["pause_image"],
            "calico": v["calico"],
            "coredns": image_tag(images, "docker.io/coredns/coredns"),
            "snapBase": v["snap_base"],
            "snaps": snap_facts.build(name, v["snap_base"], check),
            "otherComponents": others,
            "launchConfig": {
                "min": lc["min_version"],
                "max": lc["max_version"],
                "inferred": lc["cluster_agent_status"] != "found",
                "defaultFileVersion": lc["default_file_version"],
                "clusterAgentBranch": lc["cluster_agent_branch"],
            },
            "helperInsert": parse_helper_insert(read_text(os.path.join(p, "helper-insert.txt")), branch),
            "generateCni": parse_generate_cni(read_text(os.path.join(p, "generate-cni.txt")), branch),
            "defaultLaunchConfig": default_lc,
            "csrTemplate": read_text(os.path.join(p, "certs", "csr.conf.template")),
            "defaultArgs": default_args,
            "images": images,
            "addons": core + community,
            "sources": sources,
        }
        raw_checks[name] = {
            "defaultArgs": raw_args,
            "defaultLaunchConfig": read_bytes(os.path.join(p, "microk8s.default.yaml")),
            "csrTemplate": read_bytes(os.path.join(p, "certs", "csr.conf.template")),
        }
        # generate-cni.sh exists exactly when cni-env ships (tracks/README.md)
        check(tracks[name]["generateCni"] == ("cni-env" in default_args), "%s: generate-cni vs cni-env mismatch" % branch)
    return tracks, raw_checks


# ---------------------------------------------------------------- kube flags

CADVISOR_TYPES_SOURCE = ("google/cadvisor Go flag definitions (flag.Int/String/Bool/Duration): "
                         "manager/manager.go, machine/info.go, container/containerd/factory.go, "
                         "container/common/container_hints.go, storage/common_flags.go")
# kube-flags/flags.json has type null for the 18 deprecated Linux cAdvisor flags
# of the kubelet. Their Go flag types, read from google/cadvisor:
CADVISOR_TYPES = {
    "--application-metrics-count-limit": "int",
    "--boot-id-file": "string",
    "--container-hints": "string",
    "--containerd": "string",
    "--containerd-namespace": "string",
    "--enable-load-reader": "bool",
    "--event-storage-age-limit": "string",
    "--event-storage-event-limit": "string",
    "--global-housekeeping-interval": "duration",
    "--log-cadvisor-usage": "bool",
    "--machine-id-file": "string",
    "--storage-driver-buffer-duration": "duration",
    "--storage-driver-db": "string",
    "--storage-driver-host": "string",
    "--storage-driver-password": "string",
    "--storage-driver-secure": "bool",
    "--storage-driver-table": "string",
    "--storage-driver-user": "string",
}

REMOVED_FLAGS_SOURCE = ("kubernetes.io blog 'Kubernetes Removals and Major Changes In v1.27' (2023-03-17) and "
                        "'Kubernetes Removals and Deprecations In 1.24' (2022-04-07, dockershim removal); "
                        "CHANGELOG-1.24 and CHANGELOG-1.27")
# Flags that Kubernetes removed at or before 1.27, the oldest minor of the
# reference, so that no kube-flags/<minor> file has them. Without this table a
# linter can only offer a did-you-mean to an unrelated flag. Component -> flag ->
# the minor that removed it.
REMOVED_FLAGS = {
    "kubelet": {
        "--container-runtime": "1.27",
        "--cni-bin-dir": "1.24",
        "--cni-cache-dir": "1.24",
        "--cni-conf-dir": "1.24",
        "--docker-endpoint": "1.24",
        "--experimental-dockershim-root-directory": "1.24",
        "--image-pull-progress-deadline": "1.24",
        "--network-plugin": "1.24",
        "--network-plugin-mtu": "1.24",
    },
    "kube-apiserver": {
        "--master-service-namespace": "1.27",
    },
    "kube-controller-manager": {
        "--enable-taint-manager": "1.27",
        "--pod-eviction-timeout": "1.27",
    },
}


def read_list(path):
    lines = [l.strip() for l in read_text(path).splitlines() if l.strip()]
    check(len(lines) == len(set(lines)), "%s has duplicates" % path)
    return lines


# Admission plugins that kube-apiserver no longer registers, by the minor that removed them. The
# API server refuses to start when --enable-admission-plugins or --disable-admission-plugins names
# a plugin it does not register ("plugin %q is unknown"). The reference folder lists no plugins,
# so these facts are restated here with their sources.
REMOVED_ADMISSION_PLUGINS = {
    # kubernetes.io/docs/concepts/policy/pod-security-policy: deprecated in 1.21, removed in 1.25
    "PodSecurityPolicy": "1.25",
    # kubernetes/kubernetes PR 122612 (KEP-3785), released in 1.30
    "SecurityContextDeny": "1.30",
    # kubernetes/kubernetes PR 124505; 1.30 still carries it (PR 124794 cleans it up there)
    "PersistentVolumeLabel": "1.31",
}

# The admission plugins kube-apiserver 1.27 registers (AllOrderedPlugins in
# pkg/kubeapiserver/options/plugins.go, each name its package's PluginName), and those added since,
# by the minor that added them. Any other name in --enable-admission-plugins or
# --disable-admission-plugins stops the API server (LC1046). Sources: the generated kube-apiserver
# reference of 1.35 (kubernetes.io, 37 names) and `kube-apiserver -h` lists of 1.29, 1.31, 1.32 and
# 1.33 agree with what this table gives; plugins.go on master (1.36) for the newest; the additions
# by their pull requests (ClusterTrustBundleAttest 1.27 PR 113218, PodTopologyLabels 1.33 PR 127092,
# NodeDeclaredFeatureValidator 1.35 PR 133389, PodResizeValidator 1.36 PR 136043, PodGroupProtection
# 1.36 PR 137641, JobValidation 1.36 KEP-5547, PodGroupWorkloadExists 1.36 PR 137464). 1.27, 1.28,
# 1.30 and 1.34 are derived (no plugin added or removed in them but those listed).
ADMISSION_PLUGINS_1_27 = [
    "AlwaysAdmit", "AlwaysDeny", "AlwaysPullImages", "CertificateApproval", "CertificateSigning",
    "CertificateSubjectRestriction", "ClusterTrustBundleAttest", "DefaultIngressClass", "DefaultStorageClass",
    "DefaultTolerationSeconds", "DenyServiceExternalIPs", "EventRateLimit", "ExtendedResourceToleration",
    "ImagePolicyWebhook", "LimitPodHardAntiAffinityTopology", "LimitRanger", "MutatingAdmissionWebhook",
    "NamespaceAutoProvision", "NamespaceExists", "NamespaceLifecycle", "NodeRestriction",
    "OwnerReferencesPermissionEnforcement", "PersistentVolumeClaimResize", "PersistentVolumeLabel",
    "PodNodeSelector", "PodSecurity", "PodTolerationRestriction", "Priority", "ResourceQuota", "RuntimeClass",
    "SecurityContextDeny", "ServiceAccount", "StorageObjectInUseProtection", "TaintNodesByCondition",
    "ValidatingAdmissionPolicy", "ValidatingAdmissionWebhook",
]
ADMISSION_PLUGINS_ADDED = {
    "MutatingAdmissionPolicy": "1.32",
    "PodTopologyLabels": "1.33",
    "NodeDeclaredFeatureValidator": "1.35",
    "JobValidation": "1.36",
    "PodGroupProtection": "1.36",
    "PodGroupWorkloadExists": "1.36",
    "PodResizeValidator": "1.36",
}


# Flags whose value must be one of a fixed set of names, or a comma-separated list of them, else
# the component refuses to start (LC1028). Matched exactly. Sources: --authorization-mode,
# kube-apiserver's BuiltInAuthorizationOptions.Validate (pkg/kubeapiserver/options/authorization.go:
# "is not a valid mode", "has mode specified more than once", "at least one authorization-mode must
# be passed") over AuthorizationModeChoices (pkg/kubeapiserver/authorizer/modes/modes.go);
# --tls-min-version, component-base's cli/flag TLSVersion (ciphersuites_flag.go: VersionTLS10-13,
# empty for the default, else "unknown tls version").
TLS_VERSIONS = {"values": ["VersionTLS10", "VersionTLS11", "VersionTLS12", "VersionTLS13"], "emptyAllowed": True}
# --tls-cipher-suites: a pflag StringSlice (spf13/pflag string_slice.go readAsCSV: the empty value
# is the empty list, which means Go's defaults), each name looked up exactly in component-base's
# cli/flag/ciphersuites_flag.go TLSCipherSuites: Go's crypto/tls CipherSuites() and
# InsecureCipherSuites() names and two legacy names without _SHA256, else "Cipher suite %s not
# supported or doesn't exist" and the component exits (kube-apiserver, kube-controller-manager and
# kube-scheduler in k8s.io/apiserver SecureServingOptions.ApplyTo; the kubelet in its server.go
# InitializeTLS). Repeats are kept, not refused. That file is byte-identical in component-base
# v0.27.0-v0.36.x, and its test feeds every name below and expects success under each release's Go;
# Go 1.22 (crypto/tls CL 544336) only moved the four TLS_RSA AES suites to the insecure list, which
# logs a warning and still starts. So one list serves 1.27-1.36.
TLS_CIPHER_SUITES = sorted([
    # crypto/tls CipherSuites() and InsecureCipherSuites(), Go 1.20-1.24 (the union is the same)
    "TLS_RSA_WITH_RC4_128_SHA", "TLS_RSA_WITH_3DES_EDE_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA",
    "TLS_RSA_WITH_AES_256_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA256", "TLS_RSA_WITH_AES_128_GCM_SHA256",
    "TLS_RSA_WITH_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
    "TLS_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_RC4_128_SHA", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
    "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", "TLS_ECDHE_RSA_WITH_RC4_128_SHA", "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA",
    "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
    "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
    "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
    "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
    "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
    # component-base's legacy names ("keep legacy names for backward compatibility")
    "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305",
])
TLS_CIPHER_SUITE_CHOICES = {"values": TLS_CIPHER_SUITES, "list": True, "emptyAllowed": True, "repeatsAllowed": True,
                            "noun": "TLS cipher suite names"}
FLAG_VALUES = {
    "kube-apiserver": {
        "--authorization-mode": {"values": ["ABAC", "AlwaysAllow", "AlwaysDeny", "Node", "RBAC", "Webhook"], "list": True},
        "--tls-min-version": TLS_VERSIONS,
        "--tls-cipher-suites": TLS_CIPHER_SUITE_CHOICES,
    },
    "kube-controller-manager": {"--tls-min-version": TLS_VERSIONS, "--tls-cipher-suites": TLS_CIPHER_SUITE_CHOICES},
    "kube-scheduler": {"--tls-min-version": TLS_VERSIONS, "--tls-cipher-suites": TLS_CIPHER_SUITE_CHOICES},
    # kubelet: ValidateKubeletConfiguration (pkg/kubelet/apis/config/validation/validation.go) switches
    # over topologyManagerPolicy ("must be one of: none, best-effort, restricted, single-numa-node"),
    # topologyManagerScope ("must be one of: container, or pod") and hairpinMode ("Valid options are
    # none, hairpin-veth or promiscuous-bridge"); an empty value given is none of them.
    # --authorization-mode: cmd/kubelet/app/auth.go BuildAuthz ("unknown authorization mode %s", and
    # for the empty value "no authorization mode specified"), an error of run(): the kubelet exits.
    # --cpu-manager-policy: pkg/kubelet/cm/cpumanager/cpu_manager.go NewManager ("unknown policy"),
    # which the container manager returns: the kubelet exits.
    "kubelet": {
        "--authorization-mode": {"values": ["AlwaysAllow", "Webhook"]},
        "--cpu-manager-policy": {"values": ["none", "static"]},
        "--tls-cipher-suites": TLS_CIPHER_SUITE_CHOICES,
        "--tls-min-version": TLS_VERSIONS,
        "--topology-manager-policy": {"values": ["best-effort", "none", "restricted", "single-numa-node"]},
        "--topology-manager-scope": {"values": ["container", "pod"]},
        "--hairpin-mode": {"values": ["hairpin-veth", "none", "promiscuous-bridge"]},
    },
}


# kube-proxy --proxy-mode: ProxyMode.Set stores any text (pkg/proxy/apis/config/types.go), then
# validateProxyModeLinux (pkg/proxy/apis/config/validation/validation.go) accepts the empty value
# or, matched exactly, iptables and ipvs ("userspace" went in 1.26, "kernelspace" is Windows'), and
# from 1.29 nftables when the NFTablesProxyMode gate is on in kube-proxy's own feature gates
# (validModes.Insert under DefaultFeatureGate.Enabled; alpha off in 1.29-1.30, beta on in 1.31-1.32,
# GA locked on from 1.33: KEP-3866, kubernetes PRs 121046, 124383, 129653). Anything else:
# "failed validate: ... must be iptables, ipvs or blank", and kube-proxy exits.
#
# ipvs is deprecated from 1.35 (KEP-5495, kubernetes PR 134539): cmd/kube-proxy/app/server_linux.go
# logs "The ipvs proxier is now deprecated and may be removed in a future release. Please use
# 'nftables' instead." and still starts; no minor up to 1.36 refuses it.
def proxy_modes(m):
    if vkey(m) < vkey("1.29"):
        return {"values": ["iptables", "ipvs"], "emptyAllowed": True}
    modes = {"values": ["iptables", "ipvs", "nftables"], "emptyAllowed": True,
             "gatedValues": {"nftables": "NFTablesProxyMode"}}
    if vkey(m) >= vkey("1.35"):
        modes["deprecatedValues"] = {"ipvs": "1.35"}
    return modes


def proxy_mode_description(m, gates):
    """kube-proxy --proxy-mode's text for minor m: the reference's text (newest) names nftables,
    which minors before 1.29 refuse and 1.29-1.32 take only under the NFTablesProxyMode gate; so
    the text is written from proxy_modes(m) and the gate's stage in m instead."""
    modes = proxy_modes(m)
    if "nftables" not in modes["values"]:
        return "Which proxy mode to use: on Linux this can be 'iptables' (default) or 'ipvs'."
    gate = gates.get("NFTablesProxyMode", {})
    if gate.get("locked"):
        return None  # the reference's own text holds
    return ("Which proxy mode to use: on Linux this can be 'iptables' (default), 'ipvs', or 'nftables' (only while "
            "the %s feature gate NFTablesProxyMode is on; it is %s by default)."
            % (gate.get("stage", "alpha").lower(), "on" if gate.get("default") else "off"))


# kubelet --enforce-node-allocatable: a StringSlice whose items ValidateKubeletConfiguration
# (pkg/kubelet/apis/config/validation/validation.go) checks one by one ("option %q specified for
# enforceNodeAllocatable ... Valid options are ..."), the kubelet exiting on any other; 1.32 added
# the -compressible items (kubernetes PR 125982, CHANGELOG-1.32 v1.32.0-alpha.2).
# Repeats: up to 1.30 the kubelet makes a set of the items (cmd/kubelet/app/server.go
# sets.NewString), so "pods,pods" passes; 1.31 added the uniqueEnforcements check ("duplicated
# enforcements %q in enforceNodeAllocatable", kubernetes PR 124268, after the 1.30 freeze; a
# v1.31.10 kubelet exiting on it: labring/sealos issue 5804). "none" with another item is
# NodeAllocatableRule's.
def enforce_node_allocatable(m):
    items = ["kube-reserved", "none", "pods", "system-reserved"]
    if vkey(m) >= vkey("1.32"):
        items += ["kube-reserved-compressible", "system-reserved-compressible"]
    return {"values": sorted(items), "list": True, "emptyAllowed": True, "repeatsAllowed": vkey(m) < vkey("1.31")}


# The --enforce-node-allocatable items the kubelet takes with --cgroups-per-qos=false. Up to 1.30
# ValidateKubeletConfiguration refuses any non-empty list then, "none" included ("enforceNodeAllocatable
# (--enforce-node-allocatable) is not supported unless cgroupsPerQOS (--cgroups-per-qos) is set to
# true"; kubernetes PR 82850 quotes a kubelet exiting on "--enforce-node-allocatable none
# --cgroups-per-qos false"); from 1.31 (PR 124268) the check is per item and "none" skips it.
def enforcements_without_pod_cgroups(m):
    return ["none"] if vkey(m) >= vkey("1.31") else []


# kubelet --memory-manager-policy: pkg/kubelet/cm/memorymanager/memory_manager.go NewManager takes
# None and Static, matched exactly (from 1.32 BestEffort too, but on Windows only: "policy
# \"BestEffort\" is not available for platform \"linux\""), else "unknown policy", an error of
# NewContainerManager, and the kubelet exits (kubernetes issue 102073: unknown policy: "static").
# Up to 1.31 container_manager_linux.go builds the manager only while the MemoryManager gate is on
# (beta, on by default), so with the gate off the value is never read; 1.32 made the gate GA and
# locked on (pkg/features/kube_features.go).
def memory_manager_policy(m):
    choices = {"values": ["None", "Static"]}
    if vkey(m) < vkey("1.32"):
        choices["readOnlyWithGate"] = "MemoryManager"
    return choices


# kubelet flags whose value is a comma-separated map (cmd/kubelet/app/options/options.go): --kube-reserved,
# --system-reserved, --eviction-soft-grace-period and --eviction-minimum-reclaim are component-base
# MapStringString (key=value), --eviction-hard and --eviction-soft LangleSeparatedMapStringString
# (key<value). Their Set refuses a non-empty item without the separator ("malformed pair, expect
# string=string"; cli/flag/map_string_string.go and langle_separated_map_string_string.go, the same
# bytes in component-base v0.27-v0.36), the flag does not parse, and the kubelet exits.
MAP_FLAGS = {"kubelet": {"--kube-reserved": "=", "--system-reserved": "=", "--eviction-soft-grace-period": "=",
                         "--eviction-minimum-reclaim": "=", "--eviction-hard": "<", "--eviction-soft": "<"}}
# The keys a map flag takes, where the component refuses any other: cmd/kubelet/app/server.go
# parseResourceList reads --kube-reserved and --system-reserved with cpu, memory, ephemeral-storage
# and pid only, else "cannot reserve %q resource", an error of run(): the kubelet exits (the same
# switch in every minor 1.27-1.36; keys are trimmed by MapStringString).
MAP_FLAG_KEYS = {"kubelet": {"--kube-reserved": ["cpu", "ephemeral-storage", "memory", "pid"],
                             "--system-reserved": ["cpu", "ephemeral-storage", "memory", "pid"]}}


def map_flags(m, comp_out):
    for component, flags in MAP_FLAGS.items():
        for f in flags:
            check(f in comp_out[component]["flags"], "%s: %s lacks %s of MAP_FLAGS" % (m, component, f))
    out = {}
    for c, flags in sorted(MAP_FLAGS.items()):
        out[c] = {}
        for f, sep in sorted(flags.items()):
            keys = MAP_FLAG_KEYS.get(c, {}).get(f)
            # parseResourceList reads each value with resource.ParseQuantity and refuses a negative one.
            out[c][f] = {"separator": sep, "keys": keys, "values": "quantity"} if keys else {"separator": sep}
    return out


def flag_values(m, comp_out):
    """FLAG_VALUES for the flags minor m's components have, and kube-proxy's --proxy-mode."""
    out = {}
    for component, flags in sorted(FLAG_VALUES.items()):
        have = {f: v for f, v in sorted(flags.items()) if f in comp_out.get(component, {}).get("flags", {})}
        check(len(have) == len(flags), "%s: %s lacks a flag of FLAG_VALUES" % (m, component))
        out[component] = have
    check("--proxy-mode" in comp_out.get("kube-proxy", {}).get("flags", {}), "%s: kube-proxy lacks --proxy-mode" % m)
    out["kube-proxy"] = {"--proxy-mode": proxy_modes(m)}
    check("--enforce-node-allocatable" in comp_out["kubelet"]["flags"], "%s: kubelet lacks --enforce-node-allocatable" % m)
    check("--memory-manager-policy" in comp_out["kubelet"]["flags"], "%s: kubelet lacks --memory-manager-policy" % m)
    out["kubelet"] = dict(sorted({**out["kubelet"], "--enforce-node-allocatable": enforce_node_allocatable(m),
                                  "--memory-manager-policy": memory_manager_policy(m)}.items()))
    return out


def admission_plugins(m):
    """The plugins minor m registers, and those a newer minor adds (name: minor)."""
    check(not set(ADMISSION_PLUGINS_ADDED) & set(ADMISSION_PLUGINS_1_27), "an added admission plugin is in the 1.27 list")
    check(set(REMOVED_ADMISSION_PLUGINS) - {"PodSecurityPolicy"} <= set(ADMISSION_PLUGINS_1_27),
          "a removed admission plugin is missing from the 1.27 list")
    registered = set(ADMISSION_PLUGINS_1_27) | {p for p, v in ADMISSION_PLUGINS_ADDED.items() if vkey(v) <= vkey(m)}
    registered -= {p for p, v in REMOVED_ADMISSION_PLUGINS.items() if vkey(v) <= vkey(m)}
    later = {p: v for p, v in sorted(ADMISSION_PLUGINS_ADDED.items()) if vkey(v) > vkey(m)}
    return sorted(registered), later


# One-line flag descriptions from the Kubernetes website's component reference (CC BY 4.0), made by
# flag_descriptions.py; one reference's text serves every minor that has the flag.
DESCRIPTIONS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "kube-flag-descriptions.json")


def read_descriptions():
    """component -> flag -> text, flag names with '_' read as '-' (component-base's normaliser)."""
    if not os.path.exists(DESCRIPTIONS):
        return {}
    components = json.loads(read_text(DESCRIPTIONS))["components"]
    return {comp: {name.replace("_", "-"): text for name, text in flags.items()} for comp, flags in components.items()}


def build_kube(ref):
    kdir = os.path.join(ref, "kube-flags")
    descriptions = read_descriptions()
    flags = json.loads(read_text(os.path.join(kdir, "flags.json")))
    gates = json.loads(read_text(os.path.join(kdir, "feature-gates.json")))
    minors = flags["minors"]
    check(minors == gates["minors"], "flags.json and feature-gates.json cover different minors")
    check(minors == sorted(minors, key=vkey), "minors not sorted")
    components = flags["components"]
    out = {}
    for m in minors:
        comp_out = {}
        shorthands = {}
        for comp in components:
            fj = flags["flags"][m][comp]
            base = os.path.join(kdir, "flags", m, comp)
            names = read_list(base + ".txt")
            check(set(names) == set(fj), "%s %s: .txt and flags.json disagree" % (m, comp))
            dep = set(read_list(base + ".deprecated.txt"))
            up = set(read_list(base + ".upstream-only.txt"))
            check(dep == {f for f, x in fj.items() if x["deprecated"]}, "%s %s: deprecated list mismatch" % (m, comp))
            check(up == {f for f, x in fj.items() if x["upstreamBinaryOnly"]}, "%s %s: upstream-only list mismatch" % (m, comp))
            fo = {}
            for name in names:
                x = fj[name]
                e = {}
                t = x["type"]
                if t is None and comp == "kubelet" and name in CADVISOR_TYPES:
                    check(x["provenance"] == "source-cadvisor-linux", "%s: unexpected provenance" % name)
                    t = CADVISOR_TYPES[name]
                    e["typeFrom"] = "cadvisor"
                if t is not None:
                    e["type"] = t
                    if t == "bool" or t.endswith("[=true]"):
                        e["optionalValue"] = True
                if x["deprecated"]:
                    e["deprecated"] = True
                    check(x["deprecation"] in ("flag-deprecated", "use-config-file"), "%s: bad deprecation" % name)
                    e["deprecation"] = x["deprecation"]
                else:
                    check(x["deprecation"] is None, "%s: deprecation without deprecated" % name)
                if x["upstreamBinaryOnly"]:
                    e["upstreamOnly"] = True
                if x["default"] not in (None, ""):
                    e["default"] = x["default"]
                description = descriptions.get(comp, {}).get(name.replace("_", "-"))
                if description:
                    e["description"] = description
                if x["short"]:
                    prev = shorthands.get(x["short"])
                    check(prev in (None, name), "%s: shorthand %s maps to %s and %s" % (m, x["short"], prev, name))
                    shorthands[x["short"]] = name
                fo[name] = e
            comp_out[comp] = {"flags": fo}
        # feature gates
        fg = {}
        removed = {}
        for gname, g in gates["gates"].items():
            b = g["byMinor"][m]
            if b["exists"]:
                e = {"stage": b["stage"], "default": b["default"]}
                check(b["stage"] in gates["stageValues"], "%s: bad stage" % gname)
                check(isinstance(b["default"], bool), "%s: bad default" % gname)
                # locked: from the stage-history entry in force for this minor
                for s in g["stages"]:
                    lo = vkey(s["fromVersion"])
                    hi = vkey(s["toVersion"]) if "toVersion" in s else (999, 999)
                    if s["stage"] == b["stage"] and lo <= vkey(m) <= hi and s.get("locked") is True:
                        e["locked"] = True
                if b.get("confidence") == "low":
                    e["uncertain"] = True
                if "perComponent" in b:
                    pc = {}
                    for c, v in b["perComponent"].items():
                        if v["stage"] != b["stage"] or v["default"] != b["default"]:
                            pc[c] = {"stage": v["stage"], "default": v["default"]}
                    if pc:
                        e["perComponent"] = pc
                if g.get("removedInVersion") and vkey(g["removedInVersion"]) <= vkey(m):
                    # byMinor says it exists, the stage history says it was removed: keep it (the
                    # reference says byMinor is the field to use) but let a linter only warn
                    e["uncertain"] = True
                    WARNINGS.append("feature gate %s: byMinor says it exists in %s, removedInVersion is %s"
                                    % (gname, m, g["removedInVersion"]))
                fg[gname] = e
            elif g.get("removedInVersion") and vkey(g["removedInVersion"]) <= vkey(m):
                removed[gname] = g["removedInVersion"]
        # cross-check with feature-gates/<minor>.tsv
        tsv = {}
        for line in read_text(os.path.join(kdir, "feature-gates", m + ".tsv")).splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            tsv[cols[0]] = (cols[1], cols[2] == "true")
        check(set(tsv) == set(fg), "%s: feature-gates.tsv and feature-gates.json disagree on names" % m)
        for k, (st, d) in tsv.items():
            check(fg[k]["stage"] == st and fg[k]["default"] == d, "%s: gate %s differs between tsv and json" % (m, k))
        proxy_mode_text = proxy_mode_description(m, fg)
        if proxy_mode_text:
            comp_out["kube-proxy"]["flags"]["--proxy-mode"]["description"] = proxy_mode_text
        registered_plugins, later_plugins = admission_plugins(m)
        out[m] = {
            "minor": m,
            "components": comp_out,
            "shorthands": dict(sorted(shorthands.items())),
            "featureGates": fg,
            "removedFeatureGates": removed,
            "removedFlags": {c: dict(sorted(flags.items())) for c, flags in sorted(REMOVED_FLAGS.items())},
            "removedAdmissionPlugins": {p: v for p, v in sorted(REMOVED_ADMISSION_PLUGINS.items())
                                        if vkey(v) <= vkey(m)},
            "flagValues": flag_values(m, comp_out),
            "kubeletEnforcementsWithoutPodCgroups": enforcements_without_pod_cgroups(m),
            "mapFlags": map_flags(m, comp_out),
            "admissionPlugins": registered_plugins,
            "laterAdmissionPlugins": later_plugins,
        }
        # component-prefixed gate keys (kube:Name=true) on kube-apiserver from 1.33/1.34 on
        if vkey(m) >= (1, 33):
            out[m]["featureGatePrefixes"] = {"kube-apiserver": ["kube"]}
    return out, minors


# ---------------------------------------------------------------- GPU operator

# Names users may write for a GPU model, mapped to the model names of
# gpu-operator/<v>/gpu-models.yaml. A family name covers every variant it can
# denote; its migConfigs is the intersection over the variants.
GPU_MODEL_ALIASES = {
    "A100-40GB": ["A100-SXM4-40GB", "A100-PCIE-40GB"],
    "A800-40GB": ["A800-PCIE-40GB"],
    "A100-80GB": ["A100-SXM4-80GB", "A100-PCIE-80GB"],
    "A800-80GB": ["A800-SXM4-80GB", "A800-PCIE-80GB"],
    "H100-80GB": ["H100-SXM5-80GB", "H100-PCIE-80GB"],
    "H800-80GB": ["H800-SXM5-80GB", "H800-PCIE-80GB"],
    "A30": ["A30-24GB"],
    "H100-NVL": ["H100-NVL-94GB"],
    "H800-NVL": ["H800-NVL-94GB"],
    "H20": ["H20-96GB"],
    "PG506": ["PG506-96GB"],
    "GH200": ["GH200-96GB", "GH200-144GB-HBM3e"],
    "GH200-144GB": ["GH200-144GB-HBM3e"],
    "H200": ["H200-SXM-141GB", "H200-NVL-141GB"],
    "H200-141GB": ["H200-SXM-141GB", "H200-NVL-141GB"],
    "H200-NVL": ["H200-NVL-141GB"],
    "RTX-PRO-6000": ["RTX-PRO-6000-Blackwell-Server"],
}

NON_MIG_GPU_MODELS_SOURCE = ("NVIDIA Multi-Instance GPU User Guide, 'Supported GPUs' (MIG is offered by A100, A30, "
                             "H100, H200, H20, H800, A800, GH200, B200, GB200 and RTX PRO 6000 Blackwell only)")
# NVIDIA data-center GPUs without MIG, which the GPU Operator runs on but MIG
# Manager cannot partition. A node may name one; only a MIG config is then wrong.
NON_MIG_GPU_MODELS = ["A10", "A16", "A2", "A40", "L4", "L40", "L40S", "P100", "P4", "P40", "RTX-6000-Ada",
                      "RTX-A6000", "T4", "V100"]


def parse_gpu_images(path):
    default, optional = [], []
    cur = default
    for line in read_text(path).splitlines():
        s = line.strip()
        if not s:
            continue
        if s == "# optional":
            check(cur is default, "%s: two '# optional' lines" % path)
            cur = optional
            continue
        if s.startswith("#"):
            continue
        cur.append(qualify_image(s))
    check(cur is optional, "%s: no '# optional' separator" % path)
    return sorted(set(default)), sorted(set(optional) - set(default))


def parse_mig_config_names(path):
    d = read_yaml(path)
    check(d.get("version") == "v1", "%s: unexpected version" % path)
    return list(d["mig-configs"])


def build_gpu(ref):
    gdir = os.path.join(ref, "gpu-operator")
    out = {}
    for ver in listdirs(gdir):
        check(re.match(r"^v\d+\.\d+\.\d+$", ver) is not None, "unexpected gpu-operator folder %s" % ver)
        p = os.path.join(gdir, ver)
        gm = read_yaml(os.path.join(p, "gpu-models.yaml"))
        values = read_yaml(os.path.join(p, "values.yaml"))
        check(gm["gpu_operator_version"] == ver, "%s: version mismatch" % ver)
        names = parse_mig_config_names(os.path.join(p, "mig-parted-config.yaml"))
        check(names == gm["mig_config_names"], "%s: mig-parted-config.yaml and gpu-models.yaml list different names" % ver)
        check(len(names) == len(set(names)), "%s: duplicate MIG config names" % ver)
        order = {n: i for i, n in enumerate(names)}
        images, optional = parse_gpu_images(os.path.join(p, "images.txt"))
        dynamic = "valid_mig_configs_dynamic_expected" in next(iter(gm["models"].values()))
        mode = gm["config_mode"].split(":", 1)[0].strip()
        check(mode in ("static", "dynamic-with-static-fallback"), "%s: unknown config_mode %r" % (ver, mode))
        check((mode != "static") == dynamic, "%s: config_mode and model fields disagree" % ver)

        def ordered(lst):
            for n in lst:
                check(n in order, "%s: %s is not a MIG config name of this version" % (ver, n))
            return sorted(set(lst), key=lambda n: order[n])

        pci_devices = {}
        for pid, pe in gm["pci_ids"].items():
            check(re.match(r"^0x[0-9A-F]{4}10DE$", pid) is not None, "%s: bad PCI id %s" % (ver, pid))
            pci_devices[pid] = {"model": pe["model"], "pciName": pe["pci_ids_name"]}

        models = {}
        for mname, me in gm["models"].items():
            pes = [gm["pci_ids"][pid] for pid in me["pci_ids"]]
            for pe in pes:
                check(pe["model"] == mname, "%s: PCI id model mismatch for %s" % (ver, mname))
            e = {"pciIds": list(me["pci_ids"])}
            if dynamic:
                e["migConfigs"] = ordered(me["valid_mig_configs_dynamic_expected"])
                e["migConfigsStaticFallback"] = ordered(me["valid_mig_configs_static_fallback"])
                for pe in pes:
                    check(ordered(pe["valid_mig_configs_dynamic_expected"]) == e["migConfigs"], "%s %s: per-PCI configs differ" % (ver, mname))
            else:
                e["migConfigs"] = ordered(me["valid_mig_configs"])
                for pe in pes:
                    check(ordered(pe["valid_mig_configs"]) == e["migConfigs"], "%s %s: per-PCI configs differ" % (ver, mname))
            profiles = [pe["mig_profiles_max_instances"] for pe in pes]
            check(all(pp == profiles[0] for pp in profiles), "%s %s: PCI ids disagree on MIG profiles" % (ver, mname))
            e["migProfiles"] = dict(profiles[0])
            other = set()
            for pe in pes:
                other.update(pe.get("valid_mig_configs_other_geometry") or [])
            if other:
                e["migConfigsOtherGeometry"] = ordered(other)
                e["otherGeometryMigProfiles"] = dict(pes[0]["other_geometry_profiles_max_instances"])
            if not me["named_in_this_version_config"]:
                e["unsupported"] = True
            notes = sorted(set(pe["note"] for pe in pes if pe.get("note")))
            if notes:
                e["notes"] = notes
            models[mname] = e
        lower = {}
        for mname in models:
            check(mname.lower() not in lower, "%s: model names clash ignoring case" % ver)
            lower[mname.lower()] = mname
        for alias, variants in sorted(GPU_MODEL_ALIASES.items()):
            check(alias.lower() not in lower, "%s: alias %s clashes with a model name" % (ver, alias))
            for vname in variants:
                check(vname in models, "%s: alias %s -> unknown model %s" % (ver, alias, vname))
            vs = [models[vname] for vname in variants]
            e = {"aliasOf": list(variants)}
            e["pciIds"] = [pid for v in vs for pid in v["pciIds"]]
            keys = ["migConfigs"] + (["migConfigsStaticFallback"] if dynamic else [])
            for k in keys:
                inter = set(vs[0][k])
                for v in vs[1:]:
                    inter &= set(v[k])
                e[k] = ordered(inter)
            partial = {}
            for cfg in names:
                have = [vname for vname, v in zip(variants, vs) if cfg in v["migConfigs"]]
                if have and len(have) < len(variants):
                    partial[cfg] = have
            if partial:
                e["partialMigConfigs"] = partial
            unsup = [vname for vname, v in zip(variants, vs) if v.get("unsupported")]
            if unsup and len(unsup) == len(variants):
                e["unsupported"] = True
            elif unsup:
                e["unsupportedVariants"] = unsup
            other = set()
            for v in vs:
                other.update(v.get("migConfigsOtherGeometry", []))
            if other:
                e["migConfigsOtherGeometry"] = ordered(other)
            models[alias] = e
            lower[alias.lower()] = alias

        mig_cfg = values["migManager"]["config"]
        cdi = values.get("cdi", {}).get("enabled")
        src = gm["source"]
        out[ver] = {
            "version": ver,
            "source": {"repo": src["repo"], "tag": src["tag"], "commit": src["commit"]},
            "images": images,
            "optionalImages": optional,
            "migManagerImage": qualify_image(src["mig_manager_image"]),
            "migStrategyDefault": values["mig"]["strategy"],
            "migConfigDefault": mig_cfg["default"],
            "migConfigMapName": mig_cfg.get("name") or "",
            "migConfigMode": mode,
            "cdiEnabledDefault": bool(cdi),
            "migConfigs": names,
            "models": models,
            "modelsWithoutMig": NON_MIG_GPU_MODELS,
            "pciDevices": pci_devices,
        }
        check(not set(m.lower() for m in NON_MIG_GPU_MODELS) & set(m.lower() for m in models),
              "%s: a model without MIG is also a MIG model" % ver)
        check(out[ver]["migManagerImage"] in images, "%s: mig-manager image not in the default image list" % ver)
    return out


# Flags of the MicroK8s services that are not Kubernetes components, for the tracks whose
# cluster-agent branch registers them. The reference folder lists none, so they are restated
# here with their source. An unknown flag stops the service: cobra exits with "unknown flag".
SERVICE_FLAGS = {
    # canonical/microk8s-cluster-agent cmd/cluster-agent.go (init: bind, keyfile, certfile,
    # timeout, enable-metrics, launch-configurations-enable, launch-configurations-interval),
    # plus cobra's help flag
    "cluster-agent": ["--bind", "--certfile", "--enable-metrics", "--help", "--keyfile",
                      "--launch-configurations-enable", "--launch-configurations-interval", "--timeout", "-h"],
    # canonical/microk8s-cluster-agent cmd/apiserver-proxy.go (init: traefik-config, kubeconfig,
    # refresh-interval), plus cobra's help flag. The file is the same blob (517e16c8) on the branches
    # 1.27..1.34 and main; the older --config flag was renamed to --traefik-config before 1.27
    # (commit 2e6d880 "use traefik-compatible configuration"). microk8s
    # microk8s-resources/wrappers/run-apiserver-proxy-with-args runs `cluster-agent apiserver-proxy`
    # with the args file's words.
    "apiserver-proxy": ["--help", "--kubeconfig", "--refresh-interval", "--traefik-config", "-h"],
}

# Services whose flags change with the version of the binary a track ships, keyed by that
# version (versions.yaml: `containerd`, `other_components.k8s-dqlite`, `.etcd`, `.flanneld`). Every
# track's version must be listed here, so a new track cannot silently go unchecked.
_K8S_DQLITE_1_1_12 = [
    # canonical/k8s-dqlite cmd/root.go at v1.1.12 and v1.1.13 (init: rootCmd.Flags()), plus cobra's help flag
    "--admission-control-only-for-write-queries", "--admission-control-policy",
    "--admission-control-policy-limit-max-concurrent-transactions", "--debug", "--disk-mode", "--enable-tls",
    "--help", "--listen", "--low-available-storage-action", "--metrics", "--metrics-listen", "--min-tls-version",
    "--profiling", "--profiling-listen", "--storage-dir", "--tls-client-session-cache-size",
    "--watch-query-timeout", "--watch-storage-available-size-interval",
    "--watch-storage-available-size-min-bytes", "-h",
]
_K8S_DQLITE_1_3_5 = [
    # canonical/k8s-dqlite cmd/root.go at v1.3.5: the admission-control flags are gone, the
    # datastore connection-pool flags and otel/otel-listen (since v1.2.x) are there
    "--datastore-connection-max-idle-time", "--datastore-connection-max-lifetime",
    "--datastore-max-idle-connections", "--datastore-max-open-connections", "--debug", "--disk-mode",
    "--enable-tls", "--help", "--listen", "--low-available-storage-action", "--metrics", "--metrics-listen",
    "--min-tls-version", "--otel", "--otel-listen", "--profiling", "--profiling-listen", "--storage-dir",
    "--tls-client-session-cache-size", "--watch-query-timeout", "--watch-storage-available-size-interval",
    "--watch-storage-available-size-min-bytes", "-h",
]
# containerd cmd/containerd/command/main.go (app.Flags: config/c, log-level/l, address/a, root,
# state; serviceFlags() is nil off Windows, service_unsupported.go) plus urfave/cli's help/h and
# version/v: the same set at v1.6.28, v1.7.29, v2.1.6 and v2.2.3 (also what `containerd --help`
# of Debian's 1.6.20 lists). Unknown flags: "flag provided but not defined", exit 1 (cmd/containerd/main.go).
# urfave/cli parses with Go's flag package, which takes every name with one dash or two.
_CONTAINERD = [dash + name for name in ("address", "config", "help", "log-level", "root", "state", "version",
                                        "a", "c", "h", "l", "v") for dash in ("-", "--")]


def _go_flags(names):
    """Every spelling Go's standard flag package takes for these flags: `-name` and `--name` alike,
    plus `-h`/`-help`, which it answers itself with the usage text (flag.ErrHelp) when the program
    does not define them."""
    return sorted(dash + name for name in set(names) | {"h", "help"} for dash in ("-", "--"))


# etcd: etcd-io/etcd server/etcdmain/config.go (newConfig: flag.NewFlagSet("etcd",
# flag.ContinueOnError); from v3.6 most flags moved to server/embed/config.go Config.AddFlags, plus
# the feature gate's AddFlag under ServerFeatureGateFlagName "feature-gates"); cross-checked with
# the --help text server/etcdmain/help.go of each version, which lists the same flags except
# the ignored ones below. config.parse: an unknown flag makes Parse fail and etcd exits 2
# ("flag provided but not defined"). canonical/microk8s builds etcd from these tags
# (build-scripts/components/etcd, no patch to the server) and microk8s-resources/wrappers/run-etcd-with-args
# execs $SNAP/etcd with the args file's words.
_ETCD_3_5_5 = [
    "advertise-client-urls", "auth-token", "auth-token-ttl", "auto-compaction-mode",
    "auto-compaction-retention", "auto-tls", "backend-batch-interval", "backend-batch-limit",
    "backend-bbolt-freelist-type", "bcrypt-cost", "cert-file", "cipher-suites",
    "client-cert-allowed-hostname", "client-cert-auth", "client-cert-file", "client-crl-file",
    "client-key-file", "config-file", "cors", "data-dir", "discovery", "discovery-fallback",
    "discovery-proxy", "discovery-srv", "discovery-srv-name", "election-timeout", "enable-grpc-gateway",
    "enable-log-rotation", "enable-pprof", "enable-v2", "experimental-bootstrap-defrag-threshold-megabytes",
    "experimental-compact-hash-check-enabled", "experimental-compact-hash-check-time",
    "experimental-compaction-batch-limit", "experimental-corrupt-check-time",
    "experimental-distributed-tracing-address", "experimental-distributed-tracing-instance-id",
    "experimental-distributed-tracing-service-name", "experimental-downgrade-check-time",
    "experimental-enable-distributed-tracing", "experimental-enable-lease-checkpoint",
    "experimental-enable-lease-checkpoint-persist", "experimental-enable-v2v3",
    "experimental-initial-corrupt-check", "experimental-memory-mlock",
    "experimental-peer-skip-client-san-verification", "experimental-txn-mode-write-with-shared-buffer",
    "experimental-warning-apply-duration", "experimental-watch-progress-notify-interval",
    "force-new-cluster", "grpc-keepalive-interval", "grpc-keepalive-min-time", "grpc-keepalive-timeout",
    "heartbeat-interval", "host-whitelist", "initial-advertise-peer-urls", "initial-cluster",
    "initial-cluster-state", "initial-cluster-token", "initial-election-tick-advance", "key-file",
    "listen-client-urls", "listen-metrics-urls", "listen-peer-urls", "log-level", "log-outputs",
    "log-rotation-config-json", "logger", "max-concurrent-streams", "max-request-bytes", "max-snapshots",
    "max-txn-ops", "max-wals", "metrics", "name", "peer-auto-tls", "peer-cert-allowed-cn",
    "peer-cert-allowed-hostname", "peer-cert-file", "peer-client-cert-auth", "peer-client-cert-file",
    "peer-client-key-file", "peer-crl-file", "peer-key-file", "peer-trusted-ca-file", "pre-vote", "proxy",
    "proxy-dial-timeout", "proxy-failure-wait", "proxy-read-timeout", "proxy-refresh-interval",
    "proxy-write-timeout", "quota-backend-bytes", "raft-read-timeout", "raft-write-timeout",
    "self-signed-cert-validity", "snapshot-count", "socket-reuse-address", "socket-reuse-port",
    "strict-reconfig-check", "trusted-ca-file", "unsafe-no-fsync", "v2-deprecation", "version", "wal-dir",
]
# legacy flags etcd still registers as flags.IgnoredFlag (accepted, logged as ignored): the
# `ignored` list of server/etcdmain/config.go, the same at v3.5.5 and v3.6.10
_ETCD_IGNORED = ["cluster-active-size", "cluster-remove-delay", "cluster-sync-interval", "config", "force",
                 "max-result-buffer", "max-retry-attempts", "peer-election-timeout", "peer-heartbeat-interval",
                 "retry-interval", "snapshot", "test.coverprofile", "test.outputdir", "v", "vv"]
# v3.5.17: v3.5.5's flags plus
_ETCD_3_5_17 = _ETCD_3_5_5 + [
    "experimental-compaction-sleep-interval", "experimental-distributed-tracing-sampling-rate",
    "experimental-snapshot-catchup-entries", "experimental-stop-grpc-service-on-defrag",
    "listen-client-http-urls", "tls-max-version", "tls-min-version",
]
# v3.6.4 (the same set at v3.6.6 and v3.6.10): the v2 store and v2 proxy flags are gone (--enable-v2,
# which microk8s' default args/etcd sets up to 1.33 and drops from 1.34), the v3 discovery, renamed
# (non-experimental) and feature-gates flags are new
_ETCD_3_6_REMOVED = [
    "enable-v2", "experimental-enable-v2v3", "proxy", "proxy-dial-timeout", "proxy-failure-wait",
    "proxy-read-timeout", "proxy-refresh-interval", "proxy-write-timeout",
]
_ETCD_3_6_4 = [f for f in _ETCD_3_5_17 if f not in _ETCD_3_6_REMOVED] + [
    "bootstrap-defrag-threshold-megabytes", "compact-hash-check-time", "compaction-batch-limit",
    "compaction-sleep-interval", "corrupt-check-time", "discovery-cacert", "discovery-cert",
    "discovery-dial-timeout", "discovery-endpoints", "discovery-insecure-skip-tls-verify",
    "discovery-insecure-transport", "discovery-keepalive-time", "discovery-keepalive-timeout",
    "discovery-key", "discovery-password", "discovery-request-timeout", "discovery-token", "discovery-user",
    "distributed-tracing-address", "distributed-tracing-instance-id", "distributed-tracing-sampling-rate",
    "distributed-tracing-service-name", "downgrade-check-time", "enable-distributed-tracing",
    "experimental-warning-unary-request-duration", "feature-gates", "log-format", "max-learners",
    "memory-mlock", "peer-skip-client-san-verification", "snapshot-catchup-entries",
    "warning-apply-duration", "warning-unary-request-duration", "watch-progress-notify-interval",
]
# flanneld: flannel-io/flannel main.go (init: flannelFlags = flag.NewFlagSet("flannel",
# flag.ExitOnError), plus klog's v, vmodule and log_backtrace_at copied in by copyFlag, spelt with
# `_` as klog does; Go's flag package does not treat `-` and `_` alike). On an unknown flag Parse
# calls the usage function, which prints the flags and exits. canonical/microk8s builds flanneld
# from these tags (build-scripts/components/flanneld; its one patch only drops the udp backend
# import) and microk8s-resources/wrappers/run-flanneld-with-args execs it with the args file's words.
_FLANNELD_0_21_2 = [
    "etcd-cafile", "etcd-certfile", "etcd-endpoints", "etcd-keyfile", "etcd-password", "etcd-prefix",
    "etcd-username", "healthz-ip", "healthz-port", "iface", "iface-can-reach", "iface-regex", "ip-masq",
    "iptables-forward-rules", "iptables-resync", "kube-annotation-prefix", "kube-api-url",
    "kube-subnet-mgr", "kubeconfig-file", "log_backtrace_at", "net-config-path", "public-ip", "public-ipv6",
    "set-node-network-unavailable", "subnet-file", "subnet-lease-renew-margin", "use-multi-cluster-cidr",
    "v", "version", "vmodule",
]

VERSIONED_SERVICE_FLAGS = {
    "k8s-dqlite": ("k8s-dqlite", {
        # canonical/k8s-dqlite app/app.go at v1.1.7 (init: dqliteCmd.Flags(): storage-dir, listen,
        # enable-tls, debug, profiling, profiling-listen, disk-mode, tls-client-session-cache-size);
        # k8s-dqlite.go imports k8s.io/component-base v0.18.0 logs, whose package variable
        # registers --log-flush-frequency on pflag.CommandLine, which cobra merges into the root flags
        "v1.1.7": ["--debug", "--disk-mode", "--enable-tls", "--help", "--listen", "--log-flush-frequency",
                   "--profiling", "--profiling-listen", "--storage-dir", "--tls-client-session-cache-size", "-h"],
        "v1.1.12": _K8S_DQLITE_1_1_12,
        "v1.1.13": _K8S_DQLITE_1_1_12,
        # cmd/root.go at v1.2.2: v1.1.13's flags plus otel and otel-listen
        "v1.2.2": sorted(_K8S_DQLITE_1_1_12 + ["--otel", "--otel-listen"]),
        "v1.3.5": _K8S_DQLITE_1_3_5,
        # cmd/root.go at v1.8.1: v1.3.5's flags plus log-level (debug is deprecated, still accepted),
        # profiling-dir, otel-dir, otel-span-name-filter, otel-span-min-duration-filter and
        # watch-progress-notify-interval
        "v1.8.1": sorted(_K8S_DQLITE_1_3_5 + ["--log-level", "--otel-dir", "--otel-span-min-duration-filter",
                                              "--otel-span-name-filter", "--profiling-dir",
                                              "--watch-progress-notify-interval"]),
    }),
    "containerd": ("containerd", {v: _CONTAINERD for v in ("v1.6.28", "v1.7.29", "v2.1.6", "v2.2.3")}),
    "etcd": ("etcd", {
        "v3.5.5": _go_flags(_ETCD_3_5_5 + _ETCD_IGNORED),
        "v3.5.17": _go_flags(_ETCD_3_5_17 + _ETCD_IGNORED),
        **{v: _go_flags(_ETCD_3_6_4 + _ETCD_IGNORED) for v in ("v3.6.4", "v3.6.6", "v3.6.10")},
    }),
    "flanneld": ("flanneld", {
        "v0.21.2": _go_flags(_FLANNELD_0_21_2),
        # main.go at v0.27.2: --use-multi-cluster-cidr is gone, --ip-blackhole-route is new
        "v0.27.2": _go_flags([f for f in _FLANNELD_0_21_2 if f != "use-multi-cluster-cidr"] + ["ip-blackhole-route"]),
        # main.go at v0.27.4 and v0.28.4: v0.27.2's flags plus --ip-masq-fully-random-disable
        **{v: _go_flags([f for f in _FLANNELD_0_21_2 if f != "use-multi-cluster-cidr"]
                        + ["ip-blackhole-route", "ip-masq-fully-random-disable"]) for v in ("v0.27.4", "v0.28.4")},
    }),
}


def service_flags(track):
    """The flags of each non-Kubernetes service on one track (catalog `serviceFlags`)."""
    flags = dict(SERVICE_FLAGS)
    for service, (component, by_version) in VERSIONED_SERVICE_FLAGS.items():
        version = track["containerd"] if component == "containerd" else track["otherComponents"].get(component)
        check(version in by_version, "%s: no flags recorded for %s %s (VERSIONED_SERVICE_FLAGS)"
              % (track["track"], component, version))
        flags[service] = by_version[version]
    for service, known in flags.items():
        # the track's own default args file must pass the rule that uses these flags
        for flag in default_args_flags(track["defaultArgs"].get(service, "")):
            check(flag in known, "%s: default-args/%s sets %s, which serviceFlags does not list"
                  % (track["track"], service, flag))
    return {k: sorted(set(v)) for k, v in sorted(flags.items())}


def default_args_flags(text):
    """The flag names of an args file: `--name=value` or `--name value` lines, comments skipped."""
    names = []
    for line in text.splitlines():
        word = line.strip().split("=", 1)[0].split(None, 1)[0] if line.strip() else ""
        if word.startswith("-"):
            names.append(word)
    return names


# ---------------------------------------------------------------- main

def generate(ref):
    tracks, raw_checks = build_tracks(ref)
    kube, minors = build_kube(ref)
    gpu = build_gpu(ref)
    track_names = sorted(tracks, key=vkey)
    check(track_names == minors, "tracks %r and kube minors %r differ" % (track_names, minors))
    extra = addons_facts.build(ref, tracks, gpu, read_text, qualify_image, WARNINGS)

    files = {}
    gpu_versions = sorted(gpu, key=vkey)
    files["index.json"] = {
        "schemaVersion": SCHEMA_VERSION,
        "tracks": track_names,
        "newest": track_names[-1],
        "branches": {t: tracks[t]["branch"] for t in track_names},
        "kubeMinors": minors,
        "gpuOperatorVersions": gpu_versions,
        "generatedBy": "tools/catalog-import/import.py",
        "note": ("Generated from the reference facts folder (shared/reference) by tools/catalog-import/import.py; "
                 "do not edit by hand. Track names are MicroK8s tracks; the reference folder tracks/master is "
                 "track 1.36 (Kubernetes 1.36, branch master / addon branches main). Format: tools/catalog-import/README.md."),
    }
    for t in track_names:
        tracks[t]["serviceFlags"] = service_flags(tracks[t])
        files["tracks/%s.json" % t] = tracks[t]
    for m in minors:
        files["kube/%s.json" % m] = kube[m]
    for v in gpu_versions:
        files["gpu-operator/%s.json" % v] = gpu[v]
    files["addons-extra.json"] = extra
    texts = {k: dumps(v) for k, v in files.items()}

    # byte-exactness of embedded files: decode the JSON text and compare with the source bytes
    for t in track_names:
        back = json.loads(texts["tracks/%s.json" % t])
        rc = raw_checks[t]
        check(set(back["defaultArgs"]) == set(rc["defaultArgs"]), "%s: default-args key set changed" % t)
        for k, raw in rc["defaultArgs"].items():
            check(back["defaultArgs"][k].encode("utf-8") == raw, "%s: default-args/%s is not byte-exact" % (t, k))
        check(back["defaultLaunchConfig"].encode("utf-8") == rc["defaultLaunchConfig"], "%s: default launch config not byte-exact" % t)
        check(back["csrTemplate"].encode("utf-8") == rc["csrTemplate"], "%s: csr template not byte-exact" % t)
    return texts, raw_checks


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("reference", nargs="?", default=DEFAULT_REF, help="reference folder (default: %(default)s)")
    ap.add_argument("--out", default=DEFAULT_OUT, help="output catalog folder (default: %(default)s)")
    ap.add_argument("--check", action="store_true", help="compare with the files on disk, write nothing")
    args = ap.parse_args(argv)
    ref = os.path.abspath(args.reference)
    out = os.path.abspath(args.out)
    try:
        texts, raw_checks = generate(ref)
    except (ImportError_, ValueError, OSError, KeyError) as e:
        print("catalog-import: ERROR: %s" % e, file=sys.stderr)
        return 2

    existing = set()
    if os.path.isdir(out):
        for root, _, fs in os.walk(out):
            for f in fs:
                if f.endswith(".json"):
                    existing.add(os.path.relpath(os.path.join(root, f), out).replace(os.sep, "/"))
    stale = sorted(existing - set(texts))
    changed = []
    for rel, text in sorted(texts.items()):
        path = os.path.join(out, rel)
        data = text.encode("utf-8")
        if not os.path.exists(path) or read_bytes(path) != data:
            changed.append(rel)
    if args.check:
        for rel in changed:
            print("differs: %s" % rel)
        for rel in stale:
            print("stale: %s" % rel)
        return 1 if (changed or stale) else 0
    for rel in changed:
        path = os.path.join(out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(texts[rel].encode("utf-8"))
    for rel in stale:
        os.remove(os.path.join(out, rel))
    # verify what is on disk now: embedded files are byte-exact
    for t, rc in raw_checks.items():
        back = json.loads(read_text(os.path.join(out, "tracks", t + ".json")))
        for k, raw in rc["defaultArgs"].items():
            check(back["defaultArgs"][k].encode("utf-8") == raw, "%s: default-args/%s not byte-exact on disk" % (t, k))
    for w in WARNINGS:
        print("catalog-import: warning: %s" % w, file=sys.stderr)
    print("catalog-import: %d files (%d written, %d removed) in %s" % (len(texts), len(changed), len(stale), out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
