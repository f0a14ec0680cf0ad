package io.atelier.file;

import io.atelier.project.UserDto;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A file without its content, as v1 answers it; {@code type} is upper case. */
public record FileMetadataDto(
    UUID id,
    String name,
    UUID projectId,
    UUID folderId,
    String simplePath,
    List<PathElementDto> canonicalPath,
    int revision,
    String type,
    Instant created,
    UserDto createdBy,
    Instant updated,
    UserDto updatedBy) {

  public static FileMetadataDto of(ModelFile file) {
    return new FileMetadataDto(
        file.id(),
        file.name(),
        file.projectId(),
        file.folderId(),
        file.simplePath(),
        file.path().stream().map(PathElementDto::of).toList(),
        file.revision(),
        file.type().name(),
        file.created(),
        UserDto.of(file.createdBy()),
        file.updated(),
        UserDto.of(file.updatedBy()));
  }
}
