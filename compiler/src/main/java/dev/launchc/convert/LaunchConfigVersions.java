package dev.launchc.convert;

import dev.launchc.model.nativecfg.v0_1.LaunchConfigV0_1;
import dev.launchc.model.nativecfg.v0_2.LaunchConfigV0_2;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The native launch-config versions launchc reads, oldest first: the one place a version is
 * registered. Linting, schema publishing, migration, seeds and the editor ask this registry.
 */
public final class LaunchConfigVersions {
    private static volatile List<LaunchConfigVersion> registered = List.of(
            // 0.1.0 is 0.2.0 without extraCNIEnv and extraFIPSEnv: it converts by way of 0.2.0.
            LaunchConfigVersion.of("0.1.0", LaunchConfigV0_1.class,
                    (index, doc, bound) -> NativeV0_2Converter.toInternal(index, doc, NativeV0_1Converter.toV0_2(bound))),
            LaunchConfigVersion.of("0.2.0", LaunchConfigV0_2.class, NativeV0_2Converter::toInternal));

    private LaunchConfigVersions() {}

    /** Every registered version, oldest first. */
    public static List<LaunchConfigVersion> all() {
        return registered;
    }

    public static Optional<LaunchConfigVersion> find(String version) {
        for (LaunchConfigVersion v : registered) {
            if (v.version().equals(version)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    public static LaunchConfigVersion newest() {
        return registered.get(registered.size() - 1);
    }

    /**
     * Adds a version newer than every registered one; closing the registration removes it again
     * (a test registers a version of its own this way).
     */
    public static synchronized Registration register(LaunchConfigVersion version) {
        if (find(version.version()).isPresent()) {
            throw new IllegalArgumentException(version + " is registered already");
        }
        List<LaunchConfigVersion> next = new ArrayList<>(registered);
        next.add(version);
        registered = List.copyOf(next);
        return () -> unregister(version);
    }

    private static synchronized void unregister(LaunchConfigVersion version) {
        List<LaunchConfigVersion> next = new ArrayList<>(registered);
        next.remove(version);
        registered = List.copyOf(next);
    }

    /** A registered version, until closed. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
