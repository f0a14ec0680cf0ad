package io.atelier.file;

import java.util.UUID;

/** One folder on the way from a project's root to a file. */
public record PathElement(UUID id, String name) {}
