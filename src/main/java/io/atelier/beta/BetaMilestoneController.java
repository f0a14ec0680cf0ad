package io.atelier.beta;

import io.atelier.milestone.MilestoneService;
import io.atelier.milestone.StoredMilestone;
import io.atelier.project.Names;
import io.atelier.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The beta milestone endpoints, over the same milestones as v1. */
@RestController
@Tag(name = "Milestones (beta)")
class BetaMilestoneController {

  private final MilestoneService milestones;

  BetaMilestoneController(MilestoneService milestones) {
    this.milestones = milestones;
  }

  @PostMapping("/api/beta/milestones")
  @Operation(
      operationId = "betaCreateMilestone",
      summary = "Capture a file's content as a milestone")
  BetaMilestoneMetadataDto create(@RequestBody BetaCreateMilestoneDto request, Caller caller) {
    UUID fileId = Names.id("fileId", request.fileId());
    return BetaMilestoneMetadataDto.of(milestones.create(fileId, request.name(), caller));
  }

  @GetMapping("/api/beta/milestones/{milestoneId}")
  @Operation(
      operationId = "betaGetMilestone",
      summary = "Get a milestone with the content it captured")
  BetaMilestoneDto get(@PathVariable UUID milestoneId) {
    StoredMilestone milestone = milestones.getWithContent(milestoneId);
    return new BetaMilestoneDto(
        BetaMilestoneMetadataDto.of(milestone.metadata()), milestone.content());
  }

  @DeleteMapping("/api/beta/milestones/{milestoneId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(operationId = "betaDeleteMilestone", summary = "Delete a milestone")
  void delete(@PathVariable UUID milestoneId) {
    milestones.delete(milestoneId);
  }

  @GetMapping("/api/beta/files/{fileId}/milestones")
  @Operation(operationId = "betaListFileMilestones", summary = "List a file's milestones")
  List<BetaMilestoneMetadataDto> forFile(@PathVariable UUID fileId) {
    return milestones.forFile(fileId).stream().map(BetaMilestoneMetadataDto::of).toList();
  }
}
