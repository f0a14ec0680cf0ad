package io.atelier.milestone;

/** A version with the file content it captured. */
public record VersionDto(VersionMetadataDto metadata, String content) {}
