"""Snap packaging facts per track: the channels, the base snap, and the strictly confined snap.

Read from canonical/microk8s (not copied): each track's `<track>-strict` branch (`strict` for the
newest track, built from master) holds the strict snap definition. What is restated here:

- `snap/snapcraft.yaml` on the strict branch: `confinement: strict` and its `base:` (the same base
  as the classic snap of the track, checked against versions.yaml below);
- `microk8s-resources/connect-all-interfaces.sh` on the strict branch: the interfaces a strictly
  confined MicroK8s needs connected; `tests/libs/airgap.sh` there runs it right after
  `snap install` of the local snap, which is installed without `--classic`
  (`docs/build.md` of the strict branch says the same);
- `snap/hooks/install` on the strict branch reads the launch configuration from the same places as
  the classic snap (`$SNAP_COMMON/.microk8s.yaml` among them), so the seed path does not change;
- `scripts/wrappers/common/utils.py` `get_available_addons`: under strict confinement an addon
  whose `addons.yaml` entry has a `confinement` list without `strict` is not offered (and under
  classic, one without `classic`). The addons' `confinement` field is in the track's catalog.
- `snap/snapcraft.yaml` `plugs:` on the strict branch: the only file-access plugs are `home-read-all`
  (interface home, `read: all`) and two `personal-files` plugs that write `$HOME/.kube` and
  `$HOME/.config/helm`; there is no `system-files` plug and no `layout:`, on every strict branch
  below. So the host files the strict snap may read are its own areas (`/snap/microk8s/`, and
  `/var/snap/microk8s/` = $SNAP_DATA/$SNAP_COMMON, which snapd's template grants every snap) and
  users' homes (`/home/`); containerd's `network-bind` plug adds the system CA directories
  (snapd's network-bind includes AppArmor's ssl_certs abstraction). The same branches' hooks and wrappers skip host-side steps under
  `is_strict` (ufw rules, the kubelite Delegate drop-in, copying users into the group) but read
  no cluster-file setting differently, and `snap/hooks/install` places the launch configuration from
  the same paths (so seeds and install.sh keep `/var/snap/microk8s/common/.microk8s.yaml`).
- channels: `<track>/stable` (classic) and `<track>-strict/stable`
  (https://microk8s.io/docs/strict-confinement; canonical.com/blog/strictly-confined-microk8s).
- offline install order, from `tests/libs/airgap.sh`: `snap install snapd`, the base
  (`snap install core22`), then the microk8s snap.
"""

# track -> (strict branch, commit, commit date, base in that branch's snap/snapcraft.yaml)
STRICT_BRANCHES = {
    "1.27": ("1.27-strict", "42514718c3b38521c316efa55082e65929802e8c", "2024-08-05", "core20"),
    "1.28": ("1.28-strict", "1fd544ba31dc29670fde646bf171c4b13d297176", "2026-04-01", "core20"),
    "1.29": ("1.29-strict", "61c1808ec0806fcf41755555267a9ff5ec8cbcbe", "2026-04-01", "core20"),
    "1.30": ("1.30-strict", "378558e16ece14bb828389f82ec83930396b649c", "2026-05-19", "core20"),
    "1.31": ("1.31-strict", "a8065100b39b9aadd770b6aafdd96ffcf2921b02", "2026-05-19", "core20"),
    "1.32": ("1.32-strict", "9db24768223c91ababd4d98ad68cf84e1b2e2612", "2026-05-19", "core20"),
    "1.33": ("1.33-strict", "86e4232756ee1d3e36bb75c84ba0fe5d29950329", "2026-04-29", "core20"),
    "1.34": ("1.34-strict", "25a04b9ade7ae49ff8008a87005f607d4099c03d", "2026-06-13", "core22"),
    "1.35": ("1.35-strict", "4f51f4c02bd8d97a0202c659af699fbbc663a496", "2026-06-11", "core22"),
    "1.36": ("strict", "1f4634865a52bf5f6c3f6db3166ad7d0f936417b", "2026-06-30", "core22"),
}

# Host paths the strict snap may read (an entry ending in '/' is a directory and all below it,
# any other one file); the same on every strict branch above. Its own areas (snapd's template),
# users' homes (plug home-read-all; snap/snapcraft.yaml has no system-files plug), and the system CA
# locations: daemon-containerd plugs network-bind on every strict branch, snapd's network-bind
# interface (interfaces/builtin/network_bind.go) includes AppArmor's abstractions/ssl_certs, which
# allows reading these (apparmor profiles/apparmor.d/abstractions/ssl_certs).
STRICT_READABLE_PATHS = [
    "/snap/microk8s/", "/var/snap/microk8s/", "/home/",
    "/etc/ca-certificates/", "/etc/ssl/cert.pem", "/etc/ssl/certs/", "/etc/pki/trust/", "/usr/share/pki/trust/",
    "/usr/share/ca-certificates/", "/usr/local/share/ca-certificates/", "/var/lib/ca-certificates/",
]

CONNECT_SCRIPT = "/snap/microk8s/current/connect-all-interfaces.sh"

# The plugs connect-all-interfaces.sh connects, in its order: the same list on every strict branch
# above (1.27-strict to strict), so one list serves every track.
STRICT_INTERFACES = [
    "account-control", "docker-privileged", "kubernetes-support", "k8s-journald", "k8s-kubelet", "k8s-kubeproxy",
    "dot-kube", "network", "network-bind", "network-control", "network-observe", "firewall-control",
    "process-control", "kernel-module-observe", "mount-observe", "hardware-observe", "system-observe", "home",
    "opengl", "home-read-all", "login-session-observe", "log-observe", "dot-config-helm",
]


def build(track, base, check):
    """The `snaps` object of one track's catalog file."""
    check(track in STRICT_BRANCHES, "snap_facts: no strict branch recorded for track %s" % track)
    branch, commit, date, strict_base = STRICT_BRANCHES[track]
    check(strict_base == base, "snap_facts: %s: strict base %s differs from versions.yaml snap_base %s"
          % (track, strict_base, base))
    return {
        "base": base,
        "channels": {"classic": "%s/stable" % track, "strict": "%s-strict/stable" % track},
        "strict": {
            "connectInterfaces": CONNECT_SCRIPT,
            "interfaces": STRICT_INTERFACES,
            "readablePaths": STRICT_READABLE_PATHS,
            "source": "canonical/microk8s %s@%s (%s): snap/snapcraft.yaml (confinement: strict, base: %s; "
                      "plugs home-read-all, dot-kube, dot-config-helm, no system-files; daemon-containerd network-bind), "
                      "microk8s-resources/connect-all-interfaces.sh, tests/libs/airgap.sh, snap/hooks/install, "
                      "scripts/wrappers/common/utils.py get_available_addons" % (branch, commit[:10], date, base),
        },
    }
