package dev.launchc.model.internal;

/** A scalar from the input with the JSON pointer it came from, so findings can point at it. */
public record Value(String text, String pointer) {}
