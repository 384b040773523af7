package dev.launchc.pipeline;

import dev.launchc.model.internal.Cluster;
import java.nio.file.Path;

/** Where the compile pipeline gets a cluster's join token. */
@FunctionalInterface
public interface TokenSource {
    /**
     * The token for a cluster file that declares {@code declared} (null when it declares none: the
     * result is then null too).
     *
     * @param clusterFile the cluster file, so that a relative fromFile path is read beside it; null for stdin
     * @throws PipelineException when the token cannot be read or used; the message never holds it
     */
    String token(Cluster.TokenSource declared, Path clusterFile);

    /** What the cluster file says: the environment variable or the file it names ({@link JoinToken}). */
    TokenSource DECLARED = JoinToken::read;

    /**
     * A stand-in for the join token where only the args files matter ({@code diff}): it is never
     * read nor written, so a pull-request check needs no secret. The token changes the seed, never
     * a file under args/.
     */
    String STAND_IN_TOKEN = "0".repeat(32);

    /** {@link #STAND_IN_TOKEN} for a cluster that declares a token; nothing is read. */
    TokenSource STAND_IN = (declared, clusterFile) -> declared == null ? null : STAND_IN_TOKEN;
}
