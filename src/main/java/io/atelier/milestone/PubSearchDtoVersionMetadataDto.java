package io.atelier.milestone;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.atelier.search.SearchQuery;
import io.atelier.search.SortDto;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** Request body of {@code POST /api/v1/versions/search}. */
public record PubSearchDtoVersionMetadataDto(
    @Schema(implementation = VersionMetadataDto.class) Map<String, Object> filter,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<SortDto> sort,
    @Schema(minimum = "0") Integer page,
    @Schema(minimum = "0", maximum = "50") Integer size)
    implements SearchQuery {}
