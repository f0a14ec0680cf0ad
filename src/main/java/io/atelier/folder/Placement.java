package io.atelier.folder;

import java.util.UUID;

/** Where a folder or file goes: a project, and a folder in it (null for the project's root). */
public record Placement(UUID projectId, UUID folderId) {}
