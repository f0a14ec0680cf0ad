package io.atelier.folder;

import io.atelier.file.FileMetadataDto;
import io.atelier.file.FileService;
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

/** The v1 folder endpoints. */
@RestController
@Tag(name = "Folders")
class FolderController {

  private final FolderService folders;
  private final FileService files;

  FolderController(FolderService folders, FileService files) {
    this.folders = folders;
    this.files = files;
  }

  @PostMapping("/api/v1/folders")
  @Operation(operationId = "createFolder", summary = "Create a folder")
  FolderMetadataDto create(@RequestBody CreateFolderDto request, Caller caller) {
    Folder folder =
        folders.create(
            request.name(),
            Names.id("projectId", request.projectId()),
            Names.id("parentId", request.parentId()),
            caller);
    return FolderMetadataDto.of(folder);
  }

  @GetMapping("/api/v1/folders/{folderId}")
  @Operation(operationId = "getFolder", summary = "Get a folder and its direct children")
  FolderDto get(@PathVariable UUID folderId) {
    Folder folder = folders.get(folderId);

    FolderContentDto content =
        new FolderContentDto(
            folders.children(folderId).stream().map(FolderMetadataDto::of).toList(),
            files.inFolder(folderId).stream().map(FileMetadataDto::of).toList());
    return new FolderDto(FolderMetadataDto.of(folder), content);
  }

  @PatchMapping("/api/v1/folders/{folderId}")
  @Operation(operationId = "patchFolder", summary = "Rename and/or move a folder")
  FolderMetadataDto update(
      @PathVariable UUID folderId, @RequestBody UpdateFolderDto request, Caller caller) {
    Folder folder =
        folders.update(
            folderId,
            request.name(),
            Names.id("projectId", request.projectId()),
            Names.id("parentId", request.parentId()),
            caller);
    return FolderMetadataDto.of(folder);
  }

  @DeleteMapping("/api/v1/folders/{folderId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(operationId = "deleteFolder", summary = "Delete a folder that holds no files")
  void delete(@PathVariable UUID folderId) {
    folders.delete(folderId, false);
  }
}
