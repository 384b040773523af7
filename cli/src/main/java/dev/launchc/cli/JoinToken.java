package dev.launchc.cli;

import dev.launchc.model.internal.Cluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a cluster's join token at compile time from the environment or a file, as the cluster file
 * says. The value is never printed; errors name only where it was looked for.
 */
final class JoinToken {
    private JoinToken() {}

    /** What microk8s join can carry in its URL: no '/', spaces, quotes or control characters. */
    private static final java.util.regex.Pattern USABLE = java.util.regex.Pattern.compile("[A-Za-z0-9._~+=-]{32,256}");

    /**
     * The token as read, once checked: a token MicroK8s cannot use would only fail on the node,
     * and a token with quotes or slashes would be shown escaped or split in messages.
     */
    private static String checked(String token, String where) {
        if (!USABLE.matcher(token).matches()) {
            throw new UsageException("join token from " + where + " is not usable: it needs 32 to 256 characters"
                    + " from A-Z a-z 0-9 . _ ~ + = - (it has " + token.length() + " characters; make one with"
                    + " 'openssl rand -hex 16')");
        }
        return token;
    }

    /** @param clusterFile the cluster file, so that a relative fromFile path is read beside it; null for stdin */
    static String read(Cluster cluster, Path clusterFile) {
        Cluster.TokenSource source = cluster.token();
        if (source == null) {
            return null;
        }
        if (source.fromEnv() != null) {
            String value = System.getenv(source.fromEnv());
            if (value == null || value.isBlank()) {
                throw new UsageException("join token: environment variable " + source.fromEnv() + " is not set");
            }
            return checked(value.strip(), "environment variable " + source.fromEnv());
        }
        if (source.fromFile() != null) {
            Path path = Path.of(source.fromFile());
            if (!path.isAbsolute() && clusterFile != null && clusterFile.toAbsolutePath().getParent() != null) {
                path = clusterFile.toAbsolutePath().getParent().resolve(path);
            }
            try {
                String value = Files.readString(path, StandardCharsets.UTF_8).strip();
                if (value.isEmpty()) {
                    throw new UsageException("join token: " + source.fromFile() + " is empty");
                }
                return checked(value, source.fromFile());
            } catch (IOException e) {
                throw new UsageException("join token: cannot read " + source.fromFile() + ": " + readProblem(path, e));
            }
        }
        return null;
    }

    /** Why the token file could not be read, in words; never its content. */
    private static String readProblem(Path path, IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (Files.isDirectory(path)) {
            return "it is a directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.charset.CharacterCodingException) {
            return "it is not UTF-8 text";
        }
        return e.getClass().getSimpleName();
    }
}
