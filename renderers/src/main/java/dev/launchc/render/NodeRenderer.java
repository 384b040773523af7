package dev.launchc.render;

import dev.launchc.plan.NodePlan;
import dev.launchc.plan.PlannedFile;

/** A node plan to files under {@code nodes/<node>/}. */
public final class NodeRenderer {
    private NodeRenderer() {}

    public static void render(NodePlan plan, OutputTree tree) {
        String base = "nodes/" + plan.node() + "/";
        for (PlannedFile f : plan.files().values()) {
            tree.add(base + f.path(), TemplateRenderer.render(f.content()), f.secret(), plan.node());
        }
        tree.add(base + "plan.json", PlanJson.render(plan), false, plan.node());
    }
}
