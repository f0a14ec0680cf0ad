package io.atelier.project;

import java.time.Instant;
import java.util.UUID;

/** A project without its content, as v1 answers it. */
public record ProjectMetadataDto(
    UUID id, String name, Instant created, UserDto createdBy, Instant updated, UserDto updatedBy) {

  public static ProjectMetadataDto of(Project project) {
    return new ProjectMetadataDto(
        project.id(),
        project.name(),
        project.created(),
        UserDto.of(project.createdBy()),
        project.updated(),
        UserDto.of(project.updatedBy()));
  }
}
