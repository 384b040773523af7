package dev.launchc.resolve;

import dev.launchc.catalog.AddonArgumentSpec;
import java.util.List;

/**
 * An addon entry's name as {@code microk8s enable} reads it: {@code [repo/]name[:arg[:arg…]]},
 * blanks around it ignored. One parse for the native and the cluster rules.
 *
 * @param repo      the repository before '/', or null for the name alone
 * @param colonArgs the arguments after ':' (the old {@code addon:arg} form), empty without one
 */
public record AddonRef(String repo, String name, List<String> colonArgs) {
    public static AddonRef parse(String token) {
        String t = token.strip();
        int colon = t.indexOf(':');
        String head = colon < 0 ? t : t.substring(0, colon);
        List<String> args = AddonArgumentSpec.colonArgs(t);
        int slash = head.indexOf('/');
        return slash < 0 ? new AddonRef(null, head, args) : new AddonRef(head.substring(0, slash), head.substring(slash + 1), args);
    }

    /** {@code otherName} as this entry would write it, under the same repository. */
    public String written(String otherName) {
        return repo == null ? otherName : repo + "/" + otherName;
    }
}
