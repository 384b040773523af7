package dev.launchc.catalog;

import com.fasterxml.jackson.databind.JsonNode;

/** The inclusive {@code since}/{@code until} tracks of a catalog fact; null means open on that side. */
public record TrackRange(String since, String until) {
    static final TrackRange ALWAYS = new TrackRange(null, null);

    static TrackRange of(JsonNode fact) {
        return new TrackRange(fact.path("since").asText(null), fact.path("until").asText(null));
    }

    /** True when the fact holds on {@code track}. */
    public boolean holds(String track) {
        return (since == null || Catalog.compareMinor(track, since) >= 0) && (until == null || Catalog.compareMinor(track, until) <= 0);
    }
}
