package io.atelier.beta;

import io.atelier.file.FileService;
import io.atelier.file.FileService.FileChange;
import io.atelier.file.FileService.NewFile;
import io.atelier.file.StoredFile;
import io.atelier.project.Names;
import io.atelier.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The beta file endpoints, over the same files as v1. Beta's request bodies name the folder {@code
 * parentId} where v1 says {@code folderId}; refusals name it as the request did.
 */
@RestController
@Tag(name = "Files (beta)")
class BetaFileController {

  private final FileService files;

  BetaFileController(FileService files) {
    this.files = files;
  }

  @PostMapping("/api/beta/files")
  @Operation(operationId = "betaCreateFile", summary = "Create a file")
  BetaFileMetadataDto create(@RequestBody BetaCreateFileDto request, Caller caller) {
    NewFile file =
        new NewFile(
            request.name(),
            Names.id("projectId", request.projectId()),
            Names.id("parentId", request.parentId()),
            request.fileType(),
            request.content());
    return BetaFileMetadataDto.of(files.create(file, "parentId", caller));
  }

  @GetMapping("/api/beta/files/{fileId}")
  @Operation(operationId = "betaGetFile", summary = "Get a file with its content")
  BetaFileDto get(@PathVariable UUID fileId) {
    StoredFile file = files.getWithContent(fileId);
    return new BetaFileDto(BetaFileMetadataDto.of(file.metadata()), file.content());
  }

  @PatchMapping("/api/beta/files/{fileId}")
  @Operation(operationId = "betaPatchFile", summary = "Change a file's content, name or location")
  BetaFileMetadataDto update(
      @PathVariable UUID fileId, @RequestBody BetaUpdateFileDto request, Caller caller) {
    FileChange change =
        new FileChange(
            request.name(),
            request.content(),
            request.revision(),
            Names.id("projectId", request.projectId()),
            Names.id("parentId", request.parentId()));
    return BetaFileMetadataDto.of(files.update(fileId, change, "parentId", caller));
  }

  @DeleteMapping("/api/beta/files/{fileId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(operationId = "betaDeleteFile", summary = "Delete a file")
  void delete(@PathVariable UUID fileId) {
    files.delete(fileId);
  }
}
