[#ftl output_format="plainText"]
[#-- The bundle's README for the person at the site. Plain text; values are names and addresses
     that lint has checked, printed as they are. --]
[=title]
[=underline]
Made by launchc. This archive holds everything the nodes need that MicroK8s would otherwise
fetch from the internet[#if snaps?has_content], the snaps included[#else], except the snaps themselves[/#if].
MicroK8s [=track], [=confinement] confinement: snaps from channel [=channel], base snap [=baseSnap].

KEEP IT PRIVATE: the node files hold the cluster's join token.

What is inside
--------------
  install.sh                 places one node's launch configuration, [#if snaps?has_content]installs the snaps, [/#if]loads the images
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
[#if snaps?has_content]
  snaps/                     the snaps and their assertions, as 'snap download' wrote them:
[#list snaps as sn]
                               [=sn.file?remove_beginning("snaps/")] + [=sn.assertion?remove_beginning("snaps/")]
[/#list]
[/#if]
  SHA256SUMS                 checksums of every file above (install.sh and README.txt too)

Nodes
-----
[#list nodes as n]
  [=n.name?right_pad(width)]  [=n.role?right_pad(13)]  [=n.address]
[/#list]

Steps
-----
1. Check the bundle after copying it to the site (launchc bundle --verify BUNDLE.tar.gz does the
   same without unpacking it, and checks the snaps against their assertions):

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

[#if snaps?has_content]
3. On each node (as root), starting with the first control-plane node ([=bootstrap]):

     sh install.sh --node NAME            (sh install.sh --node NAME --dry-run prints every step first)

[#list nodes as n]
     sh install.sh --node [=n.name]
[/#list]

   It refuses to run on a host that does not have the node's address (--force skips that check)
   and when a checksum does not match, before it changes anything. Then, in MicroK8s' order:
   - it copies nodes/NAME/seed/microk8s.yaml to /var/snap/microk8s/common/.microk8s.yaml
     (mode 0600): the snap's install hook reads it, so it must be there first;
   - snap ack for every assertion (snapd checks their signatures; launchc checked only that each
     snap matches the digest and size in its assertion);
[#list snaps as sn]
     snap install [=sn.file][#if sn.classic] --classic[/#if]

[/#list]
[#if strict]
   - snap connect microk8s:PLUG for every interface the strict snap needs (as MicroK8s'
     connect-all-interfaces.sh does);
[/#if]
   - it imports images/*.tar into MicroK8s (or copies them to the sideload folder);
   - it checks that the installed MicroK8s is on track [=track] and stops with an error if not.
   The other nodes join the first with the token in their launch configuration.

4. To refresh the snaps, on a host with internet access:

[#list downloads as d]
     [=d]
[/#list]

   and make the bundle again with launchc bundle --snaps DIR.
[#else]
3. On each node, before installing the snap (as root):

     sh install.sh --node NAME            (sh install.sh --node NAME --dry-run prints every step first)

   It refuses to run on a host that does not have the node's address (--force skips that check)
   and when a checksum does not match. It copies nodes/NAME/seed/microk8s.yaml to
   /var/snap/microk8s/common/.microk8s.yaml (mode 0600), then imports images/*.tar into a
   running MicroK8s, or copies them to /var/snap/microk8s/common/sideload/ so that the snap
   loads them when it is installed.

4. This bundle carries no snaps. Download them on a host with internet access:

[#list downloads as d]
     [=d]
[/#list]

   (or make the bundle again with launchc bundle --snaps DIR), copy the files to each node and
   install them in this order (snapd checks the assertions' signatures at snap ack):

     snap ack snapd_REV.assert && snap install snapd_REV.snap
     snap ack [=baseSnap]_REV.assert && snap install [=baseSnap]_REV.snap
     snap ack microk8s_REV.assert && snap install microk8s_REV.snap[#if !strict] --classic[/#if]

[#if strict]
   then connect the strict snap's interfaces: /snap/microk8s/current/connect-all-interfaces.sh

[/#if]
   Start with the first control-plane node ([=bootstrap]); the others join it with the token in
   their launch configuration.
[/#if]
[#if unknown?has_content]

Images launchc could not list
-----------------------------
[#list unknown as u]
  [=u.name]: [=u.reason]
[/#list]
  Enable these on a connected node of the same MicroK8s track, list their images with
  'microk8s ctr images ls -q', and load them into the site registry before the install.
[/#if]
