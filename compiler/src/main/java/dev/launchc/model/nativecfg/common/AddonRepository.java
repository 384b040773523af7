package dev.launchc.model.nativecfg.common;

/** {@code addonRepositories[]}: unchanged since launch-config 0.1.0. */
public record AddonRepository(String name, String url, String reference) {}
