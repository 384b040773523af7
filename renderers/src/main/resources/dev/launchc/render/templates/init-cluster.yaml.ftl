[#ftl output_format="plainText"]
# yaml-language-server: $schema=https://launchc.dev/schema/cluster/v1alpha1.json
# A starter cluster for MicroK8s [=track]. Edit the nodes, then:
#   launchc lint cluster.yaml
#   launchc compile -o out cluster.yaml      (one seed per node under out/nodes/<node>/seed/)
apiVersion: launchc.dev/v1alpha1
kind: Cluster
metadata:
  name: my-cluster
spec:
  # The MicroK8s track: it picks default args, addons, images and the flags launchc accepts.
  microk8s: "[=track]"
  network:
    # Pod and service CIDRs must not overlap each other or the nodes' own network.
    ipv4:
      podCIDR: 10.1.0.0/16
      serviceCIDR: 10.152.183.0/24
    dns:
      domain: cluster.local
      # Upstream resolvers for CoreDNS; leave empty to use each node's /etc/resolv.conf.
      upstream: []
[#if airgapped]
  # Every image comes from this registry; launchc writes containerd mirrors for each upstream.
  airgap:
    registry: registry.example.internal:5000
    # ca: /etc/ssl/site-ca.pem
[/#if]
  addons:
    - name: dns
    - name: rbac
    - name: hostpath-storage
[#if gpu]
    - name: [=gpuAddon]
  gpu:
    # host: drivers are installed on the nodes; operator: the GPU Operator installs them.
    driver: host
    operatorVersion: [=operatorVersion]
    mig:
      strategy: mixed
[/#if]
  join:
    # The token is read when you compile and never stored here. Make one with: openssl rand -hex 16
    token:
      fromEnv: LAUNCHC_JOIN_TOKEN
  nodes:
    - name: cp-1
      role: control-plane
      address: 192.0.2.11
    - name: cp-2
      role: control-plane
      address: 192.0.2.12
    - name: cp-3
      role: control-plane
      address: 192.0.2.13
    - name: worker-1
      role: worker
      address: 192.0.2.21
      labels:
        team: apps
[#if gpu]
    - name: gpu-1
      role: worker
      address: 192.0.2.31
      gpu:
        model: [=gpuModel]
        migConfig: all-balanced
[/#if]
