package dev.launchc.diff;

/** What differs between the expected and the actual state of one node. */
public enum DiffKind {
    /** A flag or key the config sets that the node lacks. */
    MISSING("missing"),
    /** A flag or key on the node that the config does not set. */
    UNEXPECTED("unexpected"),
    /** Both have the key, with different values as the service reads them. */
    CHANGED("changed"),
    /** A file the config expects that the node lacks. */
    FILE_MISSING("file-missing"),
    /** A file on the node that the config does not produce. */
    FILE_UNEXPECTED("file-unexpected");

    private final String label;

    DiffKind(String label) {
        this.label = label;
    }

    /** The name in JSON and text output. */
    public String label() {
        return label;
    }
}
