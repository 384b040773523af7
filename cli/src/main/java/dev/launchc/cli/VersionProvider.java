package dev.launchc.cli;

import dev.launchc.catalog.Catalog;
import picocli.CommandLine;

public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = LaunchcCommand.class.getPackage().getImplementationVersion();
        return new String[] {
            "launchc " + (v == null ? "0.1.0" : v),
            "catalog tracks: " + String.join(", ", Catalog.get().tracks()) + " (default target " + Catalog.get().newestTrack() + ")"
        };
    }
}
