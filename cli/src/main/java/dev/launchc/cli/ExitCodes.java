package dev.launchc.cli;

public final class ExitCodes {
    public static final int OK = 0;
    public static final int INPUT_ERRORS = 1;
    public static final int USAGE = 2;

    private ExitCodes() {}
}
