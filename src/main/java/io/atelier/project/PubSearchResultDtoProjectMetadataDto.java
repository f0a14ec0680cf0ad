package io.atelier.project;

import java.util.List;

/** One page of matching projects and the number of all matches. */
public record PubSearchResultDtoProjectMetadataDto(List<ProjectMetadataDto> items, int total) {}
