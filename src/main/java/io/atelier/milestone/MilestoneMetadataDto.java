package io.atelier.milestone;

import io.atelier.project.UserDto;
import java.time.Instant;
import java.util.UUID;

/** A milestone without its content, as v1 answers it. */
public record MilestoneMetadataDto(
    UUID id,
    String name,
    UUID fileId,
    Instant created,
    UserDto createdBy,
    Instant updated,
    UserDto updatedBy) {

  public static MilestoneMetadataDto of(Milestone milestone) {
    return new MilestoneMetadataDto(
        milestone.id(),
        milestone.name(),
        milestone.fileId(),
        milestone.created(),
        UserDto.of(milestone.createdBy()),
        milestone.updated(),
        UserDto.of(milestone.updatedBy()));
  }
}
