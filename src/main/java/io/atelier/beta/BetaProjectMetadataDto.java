package io.atelier.beta;

import io.atelier.project.Project;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A project without its content, as beta answers it. */
@Schema(name = "BetaProjectMetadataDto", description = "ProjectMetadataDto of the beta API")
public record BetaProjectMetadataDto(
    UUID id,
    String name,
    Instant created,
    BetaUserDto createdBy,
    Instant updated,
    BetaUserDto updatedBy) {

  static BetaProjectMetadataDto of(Project project) {
    return new BetaProjectMetadataDto(
        project.id(),
        project.name(),
        project.created(),
        BetaUserDto.of(project.createdBy()),
        project.updated(),
        BetaUserDto.of(project.updatedBy()));
  }
}
