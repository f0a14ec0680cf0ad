package io.atelier.milestone;

/** Where the visual diff of two versions is shown. */
public record VersionComparisonDto(String url) {}
