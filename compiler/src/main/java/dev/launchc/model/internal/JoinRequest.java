package dev.launchc.model.internal;

/** {@code microk8s join <url> [--worker]}. The url holds a secret token: never print it whole. */
public record JoinRequest(String url, boolean worker, String pointer) {}
