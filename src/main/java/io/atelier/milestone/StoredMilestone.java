package io.atelier.milestone;

/** A milestone with the file content it captured, exactly as the file held it. */
public record StoredMilestone(Milestone metadata, String content) {}
