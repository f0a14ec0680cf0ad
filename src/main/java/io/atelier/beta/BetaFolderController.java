package io.atelier.beta;

import io.atelier.file.FileService;
import io.atelier.folder.CreateFolderDto;
import io.atelier.folder.Folder;
import io.atelier.folder.FolderService;
import io.atelier.folder.UpdateFolderDto;
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

/** The beta folder endpoints, over the same folders as v1; the request bodies are v1's. */
@RestController
@Tag(name = "Folders (beta)")
class BetaFolderController {

  private final FolderService folders;
  private final FileService files;

  BetaFolderController(FolderService folders, FileService files) {
    this.folders = folders;
    this.files = files;
  }

  @PostMapping("/api/beta/folders")
  @Operation(operationId = "betaCreateFolder", summary = "Create a folder")
  BetaFolderMetadataDto create(@RequestBody CreateFolderDto request, Caller caller) {
    Folder folder =
        folders.create(
            request.name(),
            Names.id("projectId", request.projectId()),
            Names.id("parentId", request.parentId()),
            caller);
    return BetaFolderMetadataDto.of(folder);
  }

  @GetMapping("/api/beta/folders/{folderId}")
  @Operation(operationId = "betaGetFolder", summary = "Get a folder and its direct children")
  BetaFolderDto get(@PathVariable UUID folderId) {
    Folder folder = folders.get(folderId);

    BetaFolderContentDto content =
        new BetaFolderContentDto(
            folders.children(folderId).stream().map(BetaFolderMetadataDto::of).toList(),
            files.inFolder(folderId).stream().map(BetaFileMetadataDto::of).toList());
    return new BetaFolderDto(BetaFolderMetadataDto.of(folder), content);
  }

  @PatchMapping("/api/beta/folders/{folderId}")
  @Operation(operationId = "betaPatchFolder", summary = "Rename and/or move a folder")
  BetaFolderMetadataDto update(
      @PathVariable UUID folderId, @RequestBody UpdateFolderDto request, Caller caller) {
    Folder folder =
        folders.update(
            folderId,
            request.name(),
            Names.id("projectId", request.projectId()),
            Names.id("parentId", request.parentId()),
            caller);
    return BetaFolderMetadataDto.of(folder);
  }

  /** Beta documented folder deletion as recursive: sub-folders and files go too. */
  @DeleteMapping("/api/beta/folders/{folderId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      operationId = "betaDeleteFolder",
      summary = "Delete a folder with all its sub-folders and files")
  void delete(@PathVariable UUID folderId) {
    folders.delete(folderId, true);
  }
}
