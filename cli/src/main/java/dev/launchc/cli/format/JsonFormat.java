package dev.launchc.cli.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.launchc.diag.Diagnostic;
import dev.launchc.lint.FileLint;
import java.util.List;

/** The JSON shape of SPEC §3.1. */
public final class JsonFormat implements ReportFormat {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public String render(List<FileLint> results) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode files = root.putArray("files");
        for (FileLint r : results) {
            ObjectNode f = files.addObject();
            f.put("file", r.file());
            f.put("kind", r.kind());
            f.put("valid", !r.hasErrors());
            ArrayNode diags = f.putArray("diagnostics");
            for (Diagnostic d : r.diagnostics()) {
                diags.add(diagnostic(d));
            }
        }
        Summary s = Summary.of(results);
        ObjectNode summary = root.putObject("summary");
        summary.put("files", s.files());
        summary.put("errors", s.errors());
        summary.put("warnings", s.warnings());
        summary.put("infos", s.infos());
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode diagnostic(Diagnostic d) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("code", d.code());
        o.put("severity", d.severity().label());
        o.put("message", d.message());
        o.put("file", d.file());
        o.put("line", d.line());
        o.put("column", d.column());
        o.put("path", d.path());
        if (d.hint() != null) {
            o.put("hint", d.hint());
        }
        return o;
    }
}
