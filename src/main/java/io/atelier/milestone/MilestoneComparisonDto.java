package io.atelier.milestone;

/** Where the visual diff of two milestones is shown. */
public record MilestoneComparisonDto(String url) {}
