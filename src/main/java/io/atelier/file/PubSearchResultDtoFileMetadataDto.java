package io.atelier.file;

import java.util.List;

/** One page of matching files and the number of all matches. */
public record PubSearchResultDtoFileMetadataDto(List<FileMetadataDto> items, int total) {}
