package dev.launchc.cli.format;

/** Terminal habits: colour only on a terminal and never when NO_COLOR is set (no-color.org). */
public final class Terminal {
    private Terminal() {}

    public static boolean colorsWanted() {
        String noColor = System.getenv("NO_COLOR");
        return System.console() != null && (noColor == null || noColor.isEmpty()) && !"dumb".equals(System.getenv("TERM"));
    }
}
