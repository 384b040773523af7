package dev.launchc.model.nativecfg.common;

/** {@code join}: unchanged since launch-config 0.1.0. */
public record Join(String url, Boolean worker) {}
