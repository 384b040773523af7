package dev.launchc.rules;

import com.fasterxml.jackson.databind.JsonNode;

/** Which addons the cross-track addon facts (addons-extra.json {@code conflicts}) say exclude each other. */
public final class AddonConflicts {
    private AddonConflicts() {}

    /**
     * The facts' conflict entry of {@code later} naming {@code earlier} (both canonical names on the
     * track), or null when they do not exclude each other.
     */
    public static JsonNode between(String earlier, String later) {
        JsonNode earlierFacts = AddonArgCheck.addonFacts(earlier);
        String repo = earlierFacts.path("repository").asText("");
        String full = repo.isEmpty() ? earlier : repo + "/" + earlier;
        for (JsonNode c : AddonArgCheck.addonFacts(later).path("conflicts")) {
            if (c.path("addon").asText().equals(full)) {
                return c;
            }
        }
        return null;
    }
}
