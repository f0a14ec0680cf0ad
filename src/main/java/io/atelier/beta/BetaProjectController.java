package io.atelier.beta;

import io.atelier.file.FileService;
import io.atelier.folder.FolderService;
import io.atelier.project.CreateProjectDto;
import io.atelier.project.Project;
import io.atelier.project.ProjectService;
import io.atelier.project.UpdateProjectDto;
import io.atelier.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
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

/** The beta project endpoints, over the same projects as v1. */
@RestController
@Tag(name = "Projects (beta)")
class BetaProjectController {

  private final ProjectService projects;
  private final BetaProjectList projectList;
  private final FolderService folders;
  private final FileService files;

  BetaProjectController(
      ProjectService projects,
      BetaProjectList projectList,
      FolderService folders,
      FileService files) {
    this.projects = projects;
    this.projectList = projectList;
    this.folders = folders;
    this.files = files;
  }

  @GetMapping("/api/beta/projects")
  @Operation(operationId = "betaListProjects", summary = "List all projects")
  List<BetaProjectMetadataDto> list() {
    return projectList.all().stream().map(BetaProjectMetadataDto::of).toList();
  }

  @PostMapping("/api/beta/projects")
  @Operation(operationId = "betaCreateProject", summary = "Create a project")
  BetaProjectMetadataDto create(@RequestBody CreateProjectDto request, Caller caller) {
    return BetaProjectMetadataDto.of(projects.create(request.name(), caller));
  }

  @GetMapping("/api/beta/projects/{projectId}")
  @Operation(
      operationId = "betaGetProject",
      summary = "Get a project with all its folders and files")
  BetaProjectDto get(@PathVariable UUID projectId) {
    Project project = projects.get(projectId);

    BetaProjectContent content =
        new BetaProjectContent(
            folders.inProject(projectId).stream().map(BetaFolderMetadataDto::of).toList(),
            files.inProject(projectId).stream().map(BetaFileMetadataDto::of).toList());
    return new BetaProjectDto(BetaProjectMetadataDto.of(project), content);
  }

  @PatchMapping("/api/beta/projects/{projectId}")
  @Operation(operationId = "betaUpdateProject", summary = "Rename a project")
  BetaProjectMetadataDto update(
      @PathVariable UUID projectId, @RequestBody UpdateProjectDto request, Caller caller) {
    return BetaProjectMetadataDto.of(projects.rename(projectId, request.name(), caller));
  }

  /** Beta documented project deletion as recursive: the project's folders and files go too. */
  @DeleteMapping("/api/beta/projects/{projectId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      operationId = "betaDeleteProject",
      summary = "Delete a project with all its folders and files")
  void delete(@PathVariable UUID projectId) {
    projects.delete(projectId, true);
  }

  @GetMapping("/api/beta/projects/{projectId}/files")
  @Operation(
      operationId = "betaListProjectFiles",
      summary = "List all files of a project, at any depth")
  List<BetaFileMetadataDto> files(@PathVariable UUID projectId) {
    projects.get(projectId);

    return files.inProject(projectId).stream().map(BetaFileMetadataDto::of).toList();
  }
}
