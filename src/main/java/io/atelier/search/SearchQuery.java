package io.atelier.search;

import java.util.List;
import java.util.Map;

/**
 * What every {@code PubSearchDto…} request carries. Each resource declares its own record named as
 * the contract names it, and implements this so that {@link Search} can run it.
 */
public interface SearchQuery {

  /** Field name to wanted value; null values are ignored, as generated clients send them. */
  Map<String, Object> filter();

  List<SortDto> sort();

  Integer page();

  Integer size();
}
