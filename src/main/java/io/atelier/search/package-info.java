/**
 * The search engine behind every {@code POST …/search} endpoint. A resource declares what it offers
 * once, as a {@link io.atelier.search.SearchDefinition}:
 *
 * <pre>{@code
 * SearchDefinition.from("milestone", "id, name, file_id, created, ...")
 *     .uuid("id", "id").text("name", "name").uuid("fileId", "file_id")
 *     .date("created", "created").user("createdBy", "created_by")
 *     .sortable("name", "created").defaultOrder("created", "id").build();
 * }</pre>
 *
 * <p>Its request record (named as the contract names it, e.g. {@code
 * PubSearchDtoMilestoneMetadataDto}) implements {@link io.atelier.search.SearchQuery}, and its
 * repository calls {@link io.atelier.search.Search#run}. Only declared column names reach SQL;
 * request values are always bound parameters.
 */
package io.atelier.search;
