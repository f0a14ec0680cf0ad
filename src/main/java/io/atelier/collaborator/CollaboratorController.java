package io.atelier.collaborator;

import io.atelier.project.Names;
import io.atelier.search.SearchResult;
import io.atelier.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The v1 collaborator endpoints. */
@RestController
@Tag(name = "Collaborators")
class CollaboratorController {

  private final CollaboratorService collaborators;

  CollaboratorController(CollaboratorService collaborators) {
    this.collaborators = collaborators;
  }

  @PutMapping("/api/v1/collaborators")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      operationId = "modifyCollaborator",
      summary = "Add a known user to a project, or change their role")
  void save(@RequestBody CreateCollaboratorDto request) {
    if (request.projectId() == null) {
      throw InvalidRequestException.field("projectId", "must not be null");
    }
    UUID projectId = Names.id("projectId", request.projectId());
    Role role = Role.parse("role", request.role());

    collaborators.save(request.email(), projectId, role);
  }

  @PostMapping("/api/v1/collaborators/search")
  @Operation(operationId = "searchCollaborators", summary = "Search project collaborators")
  PubSearchResultDtoProjectCollaboratorDto search(
      @RequestBody PubSearchDtoProjectCollaboratorDto request) {
    SearchResult<ProjectCollaboratorDto> page =
        collaborators.search(request).map(ProjectCollaboratorDto::of);
    return new PubSearchResultDtoProjectCollaboratorDto(page.items(), page.total());
  }

  @DeleteMapping("/api/v1/projects/{projectId}/collaborators/{email}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      operationId = "deleteCollaborator",
      summary = "Remove a user from a project; the email raw or percent-encoded")
  void delete(@PathVariable UUID projectId, @PathVariable String email) {
    collaborators.remove(projectId, email);
  }
}
