package io.atelier.collaborator;

import java.util.UUID;

/** A user's role in a project, with the user's current name and email. */
public record Collaborator(String name, String email, UUID projectId, Role role) {}
