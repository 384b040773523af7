package dev.launchc.load;

import java.util.List;

/** A file after loading: its documents, or none when loading failed (the reporter says why). */
public record LoadedFile(SourceFile source, List<YDocument> documents, boolean failed) {}
