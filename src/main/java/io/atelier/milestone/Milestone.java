package io.atelier.milestone;

import io.atelier.project.Author;
import java.time.Instant;
import java.util.UUID;

/**
 * A milestone (a "version" in later Web Modeler releases) as stored, without its content: a named
 * snapshot of one file. The API layers map it to their own DTOs; {@code description} and {@code
 * organizationPublic} only appear in the version endpoints.
 */
public record Milestone(
    UUID id,
    String name,
    String description,
    UUID fileId,
    boolean organizationPublic,
    Instant created,
    Author createdBy,
    Instant updated,
    Author updatedBy) {}
