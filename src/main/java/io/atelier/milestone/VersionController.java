package io.atelier.milestone;

import io.atelier.milestone.MilestoneService.Comparison;
import io.atelier.milestone.MilestoneService.MilestoneChange;
import io.atelier.project.Names;
import io.atelier.search.SearchResult;
import io.atelier.security.Caller;
import io.atelier.web.InvalidRequestException;
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
 * The v1 version endpoints of later Web Modeler releases (8.9+), which renamed milestones to
 * versions: the same store as {@link MilestoneController}, with the version field names.
 */
@RestController
@Tag(name = "Versions")
class VersionController {

  private final MilestoneService milestones;

  VersionController(MilestoneService milestones) {
    this.milestones = milestones;
  }

  @PostMapping("/api/v1/versions")
  @Operation(operationId = "createVersion", summary = "Capture a file's content as a version")
  VersionMetadataDto create(@RequestBody CreateVersionDto request, Caller caller) {
    UUID fileId = Names.id("fileId", request.fileId());
    return VersionMetadataDto.of(
        milestones.createVersion(fileId, request.name(), request.description(), caller));
  }

  @GetMapping("/api/v1/versions/{versionId}")
  @Operation(operationId = "getVersion", summary = "Get a version with the content it captured")
  VersionDto get(@PathVariable UUID versionId) {
    StoredMilestone version = milestones.getWithContent(versionId);
    return new VersionDto(VersionMetadataDto.of(version.metadata()), version.content());
  }

  @PatchMapping("/api/v1/versions/{versionId}")
  @Operation(
      operationId = "patchVersion",
      summary = "Change a version's name, description or organisation visibility")
  VersionMetadataDto update(
      @PathVariable UUID versionId, @RequestBody UpdateVersionDto request, Caller caller) {
    MilestoneChange change =
        new MilestoneChange(request.name(), request.description(), request.organizationPublic());
    return VersionMetadataDto.of(milestones.update(versionId, change, caller));
  }

  @DeleteMapping("/api/v1/versions/{versionId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(operationId = "deleteVersion", summary = "Delete a version")
  void delete(@PathVariable UUID versionId) {
    milestones.delete(versionId);
  }

  @PostMapping("/api/v1/versions/search")
  @Operation(operationId = "searchVersions", summary = "Search versions")
  PubSearchResultDtoVersionMetadataDto search(@RequestBody PubSearchDtoVersionMetadataDto request) {
    SearchResult<VersionMetadataDto> page =
        milestones.searchVersions(request).map(VersionMetadataDto::of);
    return new PubSearchResultDtoVersionMetadataDto(page.items(), page.total());
  }

  @GetMapping("/api/v1/versions/compare/{pair}")
  @Operation(
      operationId = "compareVersions",
      summary = "Link to the visual diff of two versions of one file",
      description = "The path ends in <version1Id>...<version2Id>; the first is the baseline.")
  VersionComparisonDto compare(@PathVariable String pair) {
    MilestonePair ids = MilestonePair.parse(pair, "version1Id...version2Id");

    Comparison comparison = milestones.compare(ids.first(), ids.second());
    return new VersionComparisonDto(milestones.comparisonUrl(comparison, "versions"));
  }

  @PostMapping("/api/v1/versions/{versionId}/restore")
  @Operation(
      operationId = "restoreVersion",
      summary = "Make a version's content the file's content again, as a new revision")
  VersionMetadataDto restore(
      @PathVariable UUID versionId,
      @RequestBody(required = false) RestoreVersionDto request,
      Caller caller) {
    UUID named = request == null ? null : Names.id("versionId", request.versionId());
    if (named != null && !named.equals(versionId)) {
      throw InvalidRequestException.field(
          "versionId", "must be the version of the path, " + versionId);
    }

    return VersionMetadataDto.of(milestones.restore(versionId, caller));
  }
}
