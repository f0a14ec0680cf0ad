package io.atelier.project;

import io.atelier.file.FileMetadataDto;
import io.atelier.file.FileService;
import io.atelier.folder.FolderMetadataDto;
import io.atelier.folder.FolderService;
import io.atelier.search.SearchResult;
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

/** The v1 project endpoints. */
@RestController
@Tag(name = "Projects")
class ProjectController {

  private final ProjectService projects;
  private final FolderService folders;
  private final FileService files;

  ProjectController(ProjectService projects, FolderService folders, FileService files) {
    this.projects = projects;
    this.folders = folders;
    this.files = files;
  }

  @PostMapping("/api/v1/projects")
  @Operation(operationId = "createProject", summary = "Create a project")
  ProjectMetadataDto create(@RequestBody CreateProjectDto request, Caller caller) {
    return ProjectMetadataDto.of(projects.create(request.name(), caller));
  }

  @GetMapping("/api/v1/projects/{projectId}")
  @Operation(operationId = "getProject", summary = "Get a project with all its folders and files")
  ProjectDto get(@PathVariable UUID projectId) {
    Project project = projects.get(projectId);

    ProjectContent content =
        new ProjectContent(
            folders.inProject(projectId).stream().map(FolderMetadataDto::of).toList(),
            files.inProject(projectId).stream().map(FileMetadataDto::of).toList());
    return new ProjectDto(ProjectMetadataDto.of(project), content);
  }

  @PatchMapping("/api/v1/projects/{projectId}")
  @Operation(operationId = "updateProject", summary = "Rename a project")
  ProjectMetadataDto update(
      @PathVariable UUID projectId, @RequestBody UpdateProjectDto request, Caller caller) {
    return ProjectMetadataDto.of(projects.rename(projectId, request.name(), caller));
  }

  @DeleteMapping("/api/v1/projects/{projectId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(operationId = "deleteProject", summary = "Delete a project that holds no files")
  void delete(@PathVariable UUID projectId) {
    projects.delete(projectId, false);
  }

  @PostMapping("/api/v1/projects/search")
  @Operation(operationId = "searchProjects", summary = "Search projects")
  PubSearchResultDtoProjectMetadataDto search(@RequestBody PubSearchDtoProjectMetadataDto request) {
    SearchResult<ProjectMetadataDto> page = projects.search(request).map(ProjectMetadataDto::of);
    return new PubSearchResultDtoProjectMetadataDto(page.items(), page.total());
  }
}
