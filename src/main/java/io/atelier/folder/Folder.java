package io.atelier.folder;

import io.atelier.project.Author;
import java.time.Instant;
import java.util.UUID;

/** A folder as stored: in a project, at its root when {@code parentId} is null. */
public record Folder(
    UUID id,
    String name,
    UUID projectId,
    UUID parentId,
    Instant created,
    Author createdBy,
    Instant updated,
    Author updatedBy) {}
