package dev.launchc.plan;

/**
 * A file of the node preview, by path relative to the node's output folder
 * ({@code args/kubelet}, {@code certs/csr.conf.template}, {@code seed/microk8s.yaml}).
 *
 * @param secret true when the file holds a token: written with mode 0600
 * @param origin "default" (untouched track default), "changed" or "generated"
 */
public record PlannedFile(String path, FileContent content, boolean secret, String origin) {}
