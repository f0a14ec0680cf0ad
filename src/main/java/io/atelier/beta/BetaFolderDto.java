package io.atelier.beta;

import io.swagger.v3.oas.annotations.media.Schema;

/** A folder with its direct children. */
@Schema(name = "BetaFolderDto", description = "FolderDto of the beta API")
public record BetaFolderDto(BetaFolderMetadataDto metadata, BetaFolderContentDto content) {}
