package io.atelier.milestone;

/** A milestone with the file content it captured. */
public record MilestoneDto(MilestoneMetadataDto metadata, String content) {}
