package dev.launchc.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.launchc.plan.NodePlan;
import dev.launchc.plan.Step;

/** plan.json: the node's ordered steps, pre-init and full mode apart, secrets redacted. */
public final class PlanJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PlanJson() {}

    public static String render(NodePlan plan) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("node", plan.node());
        root.put("track", plan.track());
        ArrayNode steps = root.putArray("steps");
        int n = 0;
        for (Step s : plan.steps()) {
            ObjectNode o = steps.addObject();
            o.put("step", ++n);
            o.put("phase", s.phase());
            if (s.part() >= 0) {
                o.put("part", s.part() + 1);
            }
            o.put("action", s.action());
            if (!s.argv().isEmpty()) {
                ArrayNode argv = o.putArray("argv");
                s.argv().forEach(argv::add);
            }
            if (s.file() != null) {
                o.put("file", s.file());
            }
            if (s.note() != null) {
                o.put("note", s.note());
            }
        }
        ArrayNode restarts = root.putArray("restarts");
        plan.restarts().forEach(restarts::add);
        ArrayNode notes = root.putArray("notes");
        plan.notes().forEach(notes::add);
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
