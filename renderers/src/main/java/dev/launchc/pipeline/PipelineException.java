package dev.launchc.pipeline;

/**
 * A problem with an input or its surroundings that is no finding of the input's text: a file that
 * cannot be read, a join token that cannot be used, a node the cluster does not have. The caller
 * reports it (the CLI as a usage problem, exit 2); its message never holds a secret.
 */
public final class PipelineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PipelineException(String message) {
        super(message, null, false, false);
    }
}
