package io.atelier.beta;

import io.atelier.milestone.Milestone;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A milestone without its content, as beta answers it. */
@Schema(name = "BetaMilestoneMetadataDto", description = "MilestoneMetadataDto of the beta API")
public record BetaMilestoneMetadataDto(
    UUID id,
    String name,
    UUID fileId,
    Instant created,
    BetaUserDto createdBy,
    Instant updated,
    BetaUserDto updatedBy) {

  static BetaMilestoneMetadataDto of(Milestone milestone) {
    return new BetaMilestoneMetadataDto(
        milestone.id(),
        milestone.name(),
        milestone.fileId(),
        milestone.created(),
        BetaUserDto.of(milestone.createdBy()),
        milestone.updated(),
        BetaUserDto.of(milestone.updatedBy()));
  }
}
