package dev.launchc.model.nativecfg.common;

import java.util.List;

/** {@code addons[]}: unchanged since launch-config 0.1.0. */
public record Addon(String name, Boolean disable, List<String> args) {}
