package io.atelier.milestone;

import io.atelier.project.UserDto;
import java.time.Instant;
import java.util.UUID;

/** A version (a milestone under its later name) without its content. */
public record VersionMetadataDto(
    UUID id,
    String name,
    String description,
    UUID fileId,
    Instant created,
    UserDto createdBy,
    Instant updated,
    UserDto updatedBy,
    boolean organizationPublic) {

  public static VersionMetadataDto of(Milestone milestone) {
    return new VersionMetadataDto(
        milestone.id(),
        milestone.name(),
        milestone.description(),
        milestone.fileId(),
        milestone.created(),
        UserDto.of(milestone.createdBy()),
        milestone.updated(),
        UserDto.of(milestone.updatedBy()),
        milestone.organizationPublic());
  }
}
