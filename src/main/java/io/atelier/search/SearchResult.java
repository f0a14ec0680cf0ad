package io.atelier.search;

import java.util.List;
import java.util.function.Function;

/** One page of matches and the number of matches on all pages. */
public record SearchResult<T>(List<T> items, int total) {

  public <R> SearchResult<R> map(Function<? super T, ? extends R> mapper) {
    return new SearchResult<>(items.stream().<R>map(mapper).toList(), total);
  }
}
