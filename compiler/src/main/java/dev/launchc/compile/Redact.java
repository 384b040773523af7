package dev.launchc.compile;

/** Secrets shown without their value: enough to recognise, never enough to use. */
public final class Redact {
    private Redact() {}

    /** {@code 10.0.0.1:25000/<token>/fingerprint}: the token part replaced. */
    public static String joinUrl(String url) {
        int slash = url.indexOf('/');
        if (slash < 0) {
            return "<join url>";
        }
        String rest = url.substring(slash + 1);
        int next = rest.indexOf('/');
        return url.substring(0, slash) + "/<token>" + (next >= 0 ? rest.substring(next) : "");
    }
}
