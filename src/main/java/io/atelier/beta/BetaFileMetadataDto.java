package io.atelier.beta;

import io.atelier.file.ModelFile;
import io.atelier.file.PathElementDto;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A file without its content, as beta answers it: v1's fields (the location is {@code folderId}
 * here too), with beta's {@link BetaUserDto}.
 */
@Schema(name = "BetaFileMetadataDto", description = "FileMetadataDto of the beta API")
public record BetaFileMetadataDto(
    UUID id,
    String name,
    UUID projectId,
    UUID folderId,
    String simplePath,
    List<PathElementDto> canonicalPath,
    int revision,
    String type,
    Instant created,
    BetaUserDto createdBy,
    Instant updated,
    BetaUserDto updatedBy) {

  static BetaFileMetadataDto of(ModelFile file) {
    return new BetaFileMetadataDto(
        file.id(),
        file.name(),
        file.projectId(),
        file.folderId(),
        file.simplePath(),
        file.path().stream().map(folder -> new PathElementDto(folder.id(), folder.name())).toList(),
        file.revision(),
        file.type().name(),
        file.created(),
        BetaUserDto.of(file.createdBy()),
        file.updated(),
        BetaUserDto.of(file.updatedBy()));
  }
}
