package io.atelier.file;

import io.atelier.project.Author;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A file's metadata as stored, with the folders leading to it ({@code path}, from the project's
 * root down; empty at the root). The API layers map it to their own DTOs.
 */
public record ModelFile(
    UUID id,
    String name,
    UUID projectId,
    UUID folderId,
    FileType type,
    int revision,
    Instant created,
    Author createdBy,
    Instant updated,
    Author updatedBy,
    List<PathElement> path) {

  public ModelFile withPath(List<PathElement> folders) {
    return new ModelFile(
        id,
        name,
        projectId,
        folderId,
        type,
        revision,
        created,
        createdBy,
        updated,
        updatedBy,
        List.copyOf(folders));
  }

  /**
   * The readable path {@code folder/sub/name.ext}; a {@code /} inside a name is written {@code \/}
   * so that the separators stay unambiguous.
   */
  public String simplePath() {
    return Stream.concat(path.stream().map(PathElement::name), Stream.of(name + type.extension()))
        .map(part -> part.replace("/", "\\/"))
        .collect(Collectors.joining("/"));
  }
}
