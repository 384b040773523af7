package dev.launchc.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Where a name that the target minor or track lacks does exist in the rest of the catalog, so a
 * finding can say "removed in 1.31" or "available from 1.29" instead of only "unknown".
 */
public final class CatalogHistory {
    private CatalogHistory() {}

    /**
     * How the catalog's other Kubernetes minors know a name that {@code target} lacks: "removed in
     * Kubernetes X" when an older minor had it, "only in Kubernetes X and later" when a newer one
     * has it, else null.
     */
    public static String kubeHistory(String target, Predicate<KubeFlags> has, String what) {
        String lastBefore = null;
        String firstAfter = null;
        List<String> minors = Catalog.get().kubeMinors();
        for (String m : minors) {
            int c = Catalog.compareMinor(m, target);
            if (c == 0) {
                continue;
            }
            KubeFlags other = Catalog.get().kube(m).orElse(null);
            if (other == null || !has.test(other)) {
                continue;
            }
            if (c < 0) {
                lastBefore = m;
            } else if (firstAfter == null) {
                firstAfter = m;
            }
        }
        if (lastBefore != null) {
            String removedIn = null;
            for (String m : minors) {
                if (Catalog.compareMinor(m, lastBefore) > 0) {
                    removedIn = m;
                    break;
                }
            }
            return what + " was removed in Kubernetes " + (removedIn == null ? target : removedIn);
        }
        if (firstAfter != null) {
            return what + " exists only in Kubernetes " + firstAfter + " and later; target a newer track";
        }
        return null;
    }

    /** "from 1.29", "on 1.27–1.35", "on 1.31" or "on 1.27, 1.29" for a sorted list of catalog tracks. */
    public static String trackSpan(List<String> have) {
        List<String> all = Catalog.get().tracks();
        List<Integer> idx = new ArrayList<>();
        for (String t : have) {
            idx.add(all.indexOf(t));
        }
        boolean contiguous = true;
        for (int i = 1; i < idx.size(); i++) {
            contiguous &= idx.get(i) == idx.get(i - 1) + 1;
        }
        if (contiguous && have.size() > 1 && idx.get(idx.size() - 1) == all.size() - 1) {
            return "from " + have.get(0);
        }
        if (contiguous && have.size() > 1) {
            return "on " + have.get(0) + "–" + have.get(have.size() - 1);
        }
        return "on " + String.join(", ", have);
    }
}
