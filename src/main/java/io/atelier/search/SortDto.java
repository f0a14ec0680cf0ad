package io.atelier.search;

import io.swagger.v3.oas.annotations.media.Schema;

/** One sort key of a search request: a field of the searched item type and a direction. */
public record SortDto(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String field,
    @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            allowableValues = {"ASC", "DESC"})
        String direction) {}
