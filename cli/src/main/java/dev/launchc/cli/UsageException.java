package dev.launchc.cli;

/** A problem with how launchc was called or with reading its inputs: exit code 2, one line on stderr. */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message, null, false, false);
    }
}
