[#ftl output_format="plainText"]
[#-- The bundle's README for the person at the site. Plain text; values are names and addresses
     that lint has checked, printed as they are. --]
[=title]
[=underline]
Made by launchc. This archive holds everything the nodes need that MicroK8s would otherwise
fetch from the internet, except the snaps themselves.

KEEP IT PRIVATE: the node files hold the cluster's join token.

What is inside
--------------
  install.sh                 places one node's launch configuration and loads the images
  nodes/<node>/seed/microk8s.yaml
                             the launch configuration of each node (what install.sh places)
  nodes/<node>/args/...      a preview of every file MicroK8s writes on that node
  nodes/<node>/plan.json     the steps MicroK8s takes on that node, in order
  images.txt                 every container image the cluster needs ([=imageCount] images)
[#if registry?has_content]
  registry/certs.d/<registry>/hosts.toml
                             containerd mirror settings that send each upstream registry of
                             images.txt to [=registry]
[/#if]
[#if archived > 0]
  images/images.tar          [=archived] of the [=imageCount] images, as an OCI archive that
                             'ctr images import' and the MicroK8s sideload folder accept
[/#if]
  SHA256SUMS                 checksums of every file above

Nodes
-----
[#list nodes as n]
  [=n.name?right_pad(width)]  [=n.role?right_pad(13)]  [=n.address]
[/#list]

Steps
-----
1. Check the bundle after copying it to the site:

     mkdir bundle && tar -xzf BUNDLE.tar.gz -C bundle && cd bundle && sha256sum -c SHA256SUMS

[#if registry?has_content]
2. Make every image of images.txt available in the site registry [=registry],
   under the same repository path and tag ([=example] becomes
   [=exampleMirrored])[#if archived > 0], for example from images/images.tar with
   'ctr images import' and 'ctr images push'[/#if]. The nodes pull through it: their
   launch configurations send these registries to it, as registry/certs.d/ shows.
[#else]
2. This cluster names no site registry (spec.airgap.registry), so the nodes need every image of
   images.txt locally[#if archived > 0]: install.sh loads images/images.tar[/#if].
[/#if]
[#if archived == 0]
   This bundle carries no images (it was made without --pull-from): bring them some other way.
[#elseif archived < imageCount]
   images/images.tar carries [=archived] of the [=imageCount] images (it was made with --image):
   bring the others some other way.
[/#if]

3. On each node, before installing the snap (as root):

     sh install.sh --node NAME

   It refuses to run on a host that does not have the node's address (--force skips that check)
   and when a checksum does not match. It copies nodes/NAME/seed/microk8s.yaml to
   /var/snap/microk8s/common/.microk8s.yaml (mode 0600), then imports images/*.tar into a
   running MicroK8s, or copies them to /var/snap/microk8s/common/sideload/ so that the snap
   loads them when it is installed.

4. Install the snaps offline (downloaded on a connected host with 'snap download'):

     snap ack core2X.assert && snap install core2X.snap
     snap ack microk8s.assert && snap install microk8s.snap --classic

   Start with the first control-plane node ([=bootstrap]); the others join it with the token in
   their launch configuration.
[#if unknown?has_content]

Images launchc could not list
-----------------------------
[#list unknown as u]
  [=u.name]: [=u.reason]
[/#list]
  Enable these on a connected node of the same MicroK8s track, list their images with
  'microk8s ctr images ls -q', and load them into the site registry before the install.
[/#if]
