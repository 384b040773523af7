package dev.launchc.model.internal;

import java.util.List;

/**
 * The hub model: one node's launch configuration, as parts applied in order.
 *
 * @param launchConfigVersion the model version it was bound with ("0.1.0" or "0.2.0")
 */
public record LaunchConfig(String file, String launchConfigVersion, List<Part> parts) {}
