package dev.launchc.model.internal;

import java.util.List;

/** Enable or disable one addon, with its argv tail. */
public record AddonRequest(String name, boolean disable, List<String> args, String pointer) {}
