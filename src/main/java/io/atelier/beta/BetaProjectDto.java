package io.atelier.beta;

import io.swagger.v3.oas.annotations.media.Schema;

/** A project with all its folders and files. */
@Schema(name = "BetaProjectDto", description = "ProjectDto of the beta API")
public record BetaProjectDto(BetaProjectMetadataDto metadata, BetaProjectContent content) {}
