package io.atelier.milestone;

import java.util.List;

/** One page of matching milestones and the number of all matches. */
public record PubSearchResultDtoMilestoneMetadataDto(List<MilestoneMetadataDto> items, int total) {}
