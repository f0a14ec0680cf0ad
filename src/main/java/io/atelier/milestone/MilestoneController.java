package io.atelier.milestone;

import io.atelier.milestone.MilestoneService.Comparison;
import io.atelier.project.Names;
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

/** The v1 milestone endpoints. */
@RestController
@Tag(name = "Milestones")
class MilestoneController {

  private final MilestoneService milestones;

  MilestoneController(MilestoneService milestones) {
    this.milestones = milestones;
  }

  @PostMapping("/api/v1/milestones")
  @Operation(operationId = "createMilestone", summary = "Capture a file's content as a milestone")
  MilestoneMetadataDto create(@RequestBody CreateMilestoneDto request, Caller caller) {
    UUID fileId = Names.id("fileId", request.fileId());
    return MilestoneMetadataDto.of(milestones.create(fileId, request.name(), caller));
  }

  @GetMapping("/api/v1/milestones/{milestoneId}")
  @Operation(operationId = "getMilestone", summary = "Get a milestone with the content it captured")
  MilestoneDto get(@PathVariable UUID milestoneId) {
    StoredMilestone milestone = milestones.getWithContent(milestoneId);
    return new MilestoneDto(MilestoneMetadataDto.of(milestone.metadata()), milestone.content());
  }

  @PatchMapping("/api/v1/milestones/{milestoneId}")
  @Operation(operationId = "patchMilestone", summary = "Rename a milestone")
  MilestoneMetadataDto update(
      @PathVariable UUID milestoneId, @RequestBody UpdateMilestoneDto request, Caller caller) {
    return MilestoneMetadataDto.of(milestones.rename(milestoneId, request.name(), caller));
  }

  @DeleteMapping("/api/v1/milestones/{milestoneId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(operationId = "deleteMilestone", summary = "Delete a milestone")
  void delete(@PathVariable UUID milestoneId) {
    milestones.delete(milestoneId);
  }

  @PostMapping("/api/v1/milestones/search")
  @Operation(operationId = "searchMilestones", summary = "Search milestones")
  PubSearchResultDtoMilestoneMetadataDto search(
      @RequestBody PubSearchDtoMilestoneMetadataDto request) {
    SearchResult<MilestoneMetadataDto> page =
        milestones.search(request).map(MilestoneMetadataDto::of);
    return new PubSearchResultDtoMilestoneMetadataDto(page.items(), page.total());
  }

  @GetMapping("/api/v1/milestones/compare/{pair}")
  @Operation(
      operationId = "compareMilestones",
      summary = "Link to the visual diff of two milestones of one file",
      description = "The path ends in <milestone1Id>...<milestone2Id>; the first is the baseline.")
  MilestoneComparisonDto compare(@PathVariable String pair) {
    MilestonePair ids = MilestonePair.parse(pair, "milestone1Id...milestone2Id");

    Comparison comparison = milestones.compare(ids.first(), ids.second());
    return new MilestoneComparisonDto(milestones.comparisonUrl(comparison, "milestones"));
  }

  @PostMapping("/api/v1/milestones/{milestoneId}/restore")
  @Operation(
      operationId = "restoreMilestone",
      summary = "Make a milestone's content the file's content again, as a new revision")
  MilestoneMetadataDto restore(@PathVariable UUID milestoneId, Caller caller) {
    return MilestoneMetadataDto.of(milestones.restore(milestoneId, caller));
  }
}
