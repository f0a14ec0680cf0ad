package io.atelier.project;

import java.time.Instant;
import java.util.UUID;

/** A project as stored; the API layers map it to their own DTOs. */
public record Project(
    UUID id, String name, Instant created, Author createdBy, Instant updated, Author updatedBy) {}
