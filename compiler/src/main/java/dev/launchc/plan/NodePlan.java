package dev.launchc.plan;

import java.util.List;
import java.util.SortedMap;

/** Everything compile knows about one node: its files as data and its ordered steps. */
public record NodePlan(
        String node,
        String track,
        SortedMap<String, PlannedFile> files,
        List<Step> steps,
        List<String> restarts,
        List<String> notes) {}
