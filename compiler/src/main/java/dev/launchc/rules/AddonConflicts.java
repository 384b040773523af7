package dev.launchc.rules;

/** Which addons the cross-track addon facts (addons-extra.json {@code conflicts}) say exclude each other. */
public final class AddonConflicts {
    private AddonConflicts() {}

    /** The name the facts' {@code conflicts} entries use: {@code repository/name}, or the bare name. */
    public static String fullName(String canonical) {
        String repo = AddonArgCheck.addonFacts(canonical).path("repository").asText("");
        return repo.isEmpty() ? canonical : repo + "/" + canonical;
    }
}
