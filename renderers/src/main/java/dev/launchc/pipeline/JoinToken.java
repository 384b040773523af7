package dev.launchc.pipeline;

import dev.launchc.model.internal.Cluster;
import dev.launchc.load.RegularFiles;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads a cluster's join token at compile time from the environment or a file, as the cluster file
 * says ({@link TokenSource#DECLARED}). The value is never printed; errors name only where it was looked for.
 */
final class JoinToken {
    private JoinToken() {}

    /** The longest token MicroK8s' join URL takes here. */
    static final int MAX_TOKEN_CHARS = 256;

    /**
     * The most a token file may hold: the token and some white space around it (a trailing
     * newline, an editor's indentation). Anything larger is not a token file, and is not read.
     */
    static final int MAX_TOKEN_FILE_BYTES = 4096;

    /** What microk8s join can carry in its URL: no '/', spaces, quotes or control characters. */
    private static final java.util.regex.Pattern USABLE = java.util.regex.Pattern.compile("[A-Za-z0-9._~+=-]{32," + MAX_TOKEN_CHARS + "}");

    /**
     * The token as read, once checked: a token MicroK8s cannot use would only fail on the node,
     * and a token with quotes or slashes would be shown escaped or split in messages. The message
     * never tells the token's length either: a secret's length is already a hint about it.
     */
    private static String checked(String token, String where) {
        if (!USABLE.matcher(token).matches()) {
            throw new PipelineException("join token from " + where + " is not usable: it needs 32 to " + MAX_TOKEN_CHARS
                    + " characters from A-Z a-z 0-9 . _ ~ + = - (make one with 'openssl rand -hex 16')");
        }
        return token;
    }

    /** @param clusterFile the cluster file, so that a relative fromFile path is read beside it; null for stdin */
    static String read(Cluster.TokenSource source, Path clusterFile) {
        if (source == null) {
            return null;
        }
        if (source.fromEnv() != null) {
            String value = System.getenv(source.fromEnv());
            if (value == null || value.isBlank()) {
                throw new PipelineException("join token: environment variable " + source.fromEnv() + " is not set");
            }
            return checked(value.strip(), "environment variable " + source.fromEnv());
        }
        if (source.fromFile() != null) {
            Path path = Path.of(source.fromFile());
            if (!path.isAbsolute() && clusterFile != null && clusterFile.toAbsolutePath().getParent() != null) {
                path = clusterFile.toAbsolutePath().getParent().resolve(path);
            }
            return checked(readFile(path, source.fromFile()), source.fromFile());
        }
        return null;
    }

    /**
     * The stripped content of a token file: a regular file (a FIFO would block, a device would
     * never end) of at most {@link #MAX_TOKEN_FILE_BYTES}, in UTF-8.
     */
    static String readFile(Path path, String name) {
        byte[] bytes;
        try {
            bytes = RegularFiles.read(path, MAX_TOKEN_FILE_BYTES);
        } catch (RegularFiles.TooLarge e) {
            // Not the size: it would tell how long the secret is.
            throw new PipelineException("join token: " + name + " is larger than a token file can be (at most "
                    + MAX_TOKEN_FILE_BYTES + " bytes; a token has at most " + MAX_TOKEN_CHARS + " characters)");
        } catch (RegularFiles.Refused e) {
            throw new PipelineException("join token: cannot read " + name + ": " + e.getMessage());
        }
        String value;
        try {
            value = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString().strip();
        } catch (CharacterCodingException e) {
            throw new PipelineException("join token: cannot read " + name + ": it is not UTF-8 text");
        }
        if (value.isEmpty()) {
            throw new PipelineException("join token: " + name + " is empty");
        }
        return value;
    }
}
