package io.atelier.beta;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Every folder and file of a project, at any depth. */
@Schema(name = "BetaProjectContent", description = "ProjectContent of the beta API")
public record BetaProjectContent(
    List<BetaFolderMetadataDto> folders, List<BetaFileMetadataDto> files) {}
