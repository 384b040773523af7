package dev.launchc.cli.format;

import dev.launchc.lint.FileLint;
import java.util.List;

/** Renders lint results for one output format. */
public interface ReportFormat {
    enum Kind { text, json, sarif, junit }

    String render(List<FileLint> results);

    static ReportFormat of(Kind kind) {
        return switch (kind) {
            case text -> new TextFormat(Terminal.colorsWanted());
            case json -> new JsonFormat();
            case sarif -> new SarifFormat();
            case junit -> new JunitFormat();
        };
    }
}
