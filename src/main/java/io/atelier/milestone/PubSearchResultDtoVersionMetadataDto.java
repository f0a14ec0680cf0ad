package io.atelier.milestone;

import java.util.List;

/** One page of matching versions and the number of all matches. */
public record PubSearchResultDtoVersionMetadataDto(List<VersionMetadataDto> items, int total) {}
