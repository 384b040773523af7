package dev.launchc.model.internal;

/** An addon repository to add (always with --force, as the cluster agent does). */
public record AddonRepo(String name, String url, String reference, String pointer) {}
