package io.atelier.collaborator;

import java.util.UUID;

/** A collaborator of a project, as v1 answers it; {@code role} in lower case. */
public record ProjectCollaboratorDto(String name, String email, UUID projectId, String role) {

  public static ProjectCollaboratorDto of(Collaborator collaborator) {
    return new ProjectCollaboratorDto(
        collaborator.name(),
        collaborator.email(),
        collaborator.projectId(),
        collaborator.role().value());
  }
}
