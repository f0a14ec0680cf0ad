package io.atelier.search;

import io.atelier.search.SearchDefinition.Field;
import io.atelier.web.InvalidRequestException;
import java.text.Normalizer;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs the {@code POST …/search} requests of every resource: checks filter, sort and paging against
 * the resource's {@link SearchDefinition}, then answers one page and the total with two bound
 * queries.
 *
 * <p>Filters are equality on each given field (nested {@code name}/{@code email} for users); dates
 * also take comparison prefixes and rounding suffixes ({@link DateFilter}). Null filter values are
 * ignored. Results are ordered by the requested sort, then by the definition's default order (in
 * the direction of the last requested key), so pages are stable.
 */
@Component
public class Search {

  public static final int DEFAULT_SIZE = 10;
  public static final int MAX_SIZE = 50;

  private static final List<String> USER_FIELDS = List.of("name", "email");

  private final JdbcClient jdbc;

  public Search(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Checks the request, then reads the page it asks for. */
  public <T> SearchResult<T> run(
      SearchDefinition definition, SearchQuery query, RowMapper<T> rowMapper) {
    int page = page(query.page());
    int size = size(query.size());
    Conditions conditions = conditions(definition, query.filter());
    String order = order(definition, query.sort());
    long offset = (long) page * size;

    List<T> items = List.of();
    if (size > 0) {
      Map<String, Object> parameters = new HashMap<>(conditions.parameters());
      parameters.put("limit", size);
      parameters.put("offset", offset);
      items =
          jdbc.sql(pageQuery(definition, conditions, order))
              .params(parameters)
              .query(rowMapper)
              .list();
    }
    boolean lastPage = size > 0 && items.size() < size && (offset == 0 || !items.isEmpty());
    if (lastPage) {
      return new SearchResult<>(items, Math.toIntExact(offset + items.size()));
    }
    int total =
        jdbc.sql("select count(*) from " + definition.table() + conditions.where())
            .params(conditions.parameters())
            .query(Integer.class)
            .single();
    return new SearchResult<>(items, total);
  }

  /**
   * The page's rows. With a unique key, the offset is walked over key and order columns only (an
   * index holds them all) and just the page's rows are read whole; PostgreSQL otherwise fetches
   * every skipped row from the table.
   */
  private static String pageQuery(
      SearchDefinition definition, Conditions conditions, String order) {
    String table = definition.table();
    String columns = definition.columns();
    String window = order + " limit :limit offset :offset";
    if (definition.key() == null) {
      return "select " + columns + " from " + table + conditions.where() + window;
    }
    String key = definition.key();
    return "select "
        + columns
        + " from "
        + table
        + " where "
        + key
        + " in (select "
        + key
        + " from "
        + table
        + conditions.where()
        + window
        + ")"
        + order;
  }

  private static int page(Integer page) {
    if (page == null) {
      return 0;
    }
    if (page < 0) {
      throw InvalidRequestException.field("page", "must be greater than or equal to 0");
    }
    return page;
  }

  private static int size(Integer size) {
    if (size == null) {
      return DEFAULT_SIZE;
    }
    if (size < 0) {
      throw InvalidRequestException.field("size", "must be greater than or equal to 0");
    }
    if (size > MAX_SIZE) {
      throw InvalidRequestException.field("size", "must be less than or equal to " + MAX_SIZE);
    }
    return size;
  }

  /** SQL conditions with named parameters p0, p1, …; only declared column names are written. */
  private record Conditions(List<String> clauses, Map<String, Object> parameters) {

    String where() {
      return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    void add(String column, String operator, Object value) {
      String parameter = "p" + parameters.size();
      parameters.put(parameter, value);
      clauses.add(column + " " + operator + " :" + parameter);
    }
  }

  private static Conditions conditions(SearchDefinition definition, Map<String, Object> filter) {
    Conditions conditions = new Conditions(new ArrayList<>(), new HashMap<>());
    if (filter == null) {
      return conditions;
    }
    filter.forEach(
        (name, value) -> {
          if (value == null) {
            return;
          }
          Field field = definition.filters().get(name);
          if (field == null) {
            throw new InvalidRequestException(
                "Filter field '" + name + "' is not one of " + definition.filters().keySet() + ".");
          }
          addCondition(conditions, field, value);
        });
    return conditions;
  }

  private static void addCondition(Conditions conditions, Field field, Object value) {
    String name = "filter." + field.name();
    switch (field.kind()) {
      case TEXT -> conditions.add(field.column(), "=", normalized(name, value));
      case UUID -> conditions.add(field.column(), "=", uuid(name, value));
      case INTEGER -> conditions.add(field.column(), "=", integer(name, value));
      case BOOLEAN -> conditions.add(field.column(), "=", bool(name, value));
      case KEYWORD -> conditions.add(field.column(), "=", keyword(name, value, field));
      case DATE -> {
        for (DateFilter.Bound bound : date(name, value).bounds()) {
          conditions.add(
              field.column(), bound.operator(), bound.instant().atOffset(ZoneOffset.UTC));
        }
      }
      case USER -> addUserConditions(conditions, field, value);
    }
  }

  private static void addUserConditions(Conditions conditions, Field field, Object value) {
    if (!(value instanceof Map<?, ?> user)) {
      throw InvalidRequestException.field("filter." + field.name(), "must be an object");
    }
    user.forEach(
        (key, wanted) -> {
          if (wanted == null) {
            return;
          }
          if (!USER_FIELDS.contains(key)) {
            throw new InvalidRequestException(
                "Filter field '"
                    + field.name()
                    + "."
                    + key
                    + "' is not one of "
                    + USER_FIELDS.stream().map(f -> field.name() + "." + f).toList()
                    + ".");
          }
          String name = "filter." + field.name() + "." + key;
          conditions.add(field.column() + "_" + key, "=", normalized(name, wanted));
        });
  }

  private static String normalized(String name, Object value) {
    if (!(value instanceof String text)) {
      throw InvalidRequestException.field(name, "must be a string");
    }
    return Normalizer.normalize(text, Normalizer.Form.NFC);
  }

  private static UUID uuid(String name, Object value) {
    if (value instanceof String text) {
      try {
        return UUID.fromString(text);
      } catch (IllegalArgumentException e) {
        // answered below
      }
    }
    throw InvalidRequestException.field(name, "must be a UUID");
  }

  private static int integer(String name, Object value) {
    if (value instanceof Integer number) {
      return number;
    }
    throw InvalidRequestException.field(name, "must be an integer");
  }

  private static boolean bool(String name, Object value) {
    if (value instanceof Boolean flag) {
      return flag;
    }
    throw InvalidRequestException.field(name, "must be a boolean");
  }

  private static String keyword(String name, Object value, Field field) {
    if (value instanceof String text) {
      for (String keyword : field.keywords()) {
        if (keyword.equalsIgnoreCase(text)) {
          return keyword;
        }
      }
    }
    throw InvalidRequestException.field(name, "must be one of " + field.keywords());
  }

  private static DateFilter date(String name, Object value) {
    DateFilter filter = value instanceof String text ? DateFilter.parse(text) : null;
    if (filter == null) {
      throw InvalidRequestException.field(name, DateFilter.FORMAT);
    }
    return filter;
  }

  /**
   * The requested sort keys, then the definition's default order as tie-breaker in the direction of
   * the last requested key: one direction throughout lets the database walk a {@code (field,
   * created, id)} index backwards for a descending sort instead of sorting every match.
   */
  private static String order(SearchDefinition definition, List<SortDto> sort) {
    List<String> keys = new ArrayList<>();
    String tieDirection = "asc";
    if (sort != null) {
      for (int i = 0; i < sort.size(); i++) {
        String name = "sort[" + i + "]";
        String column = sortColumn(definition, sort.get(i), name);
        tieDirection = direction(sort.get(i), name);
        keys.add(column + " " + tieDirection);
      }
    }
    for (String column : definition.defaultOrder()) {
      keys.add(column + " " + tieDirection);
    }
    return keys.isEmpty() ? "" : " order by " + String.join(", ", keys);
  }

  private static String sortColumn(SearchDefinition definition, SortDto sort, String name) {
    if (sort == null || sort.field() == null) {
      throw InvalidRequestException.field(name + ".field", "must not be null");
    }
    String column = definition.sorts().get(sort.field());
    if (column == null) {
      throw new InvalidRequestException(
          "Sort field '" + sort.field() + "' is not one of " + definition.sorts().keySet() + ".");
    }
    return column;
  }

  private static String direction(SortDto sort, String name) {
    if (sort.direction() == null) {
      throw InvalidRequestException.field(name + ".direction", "must not be null");
    }
    String direction = sort.direction().toUpperCase(Locale.ROOT);
    if (!direction.equals("ASC") && !direction.equals("DESC")) {
      throw InvalidRequestException.field(name + ".direction", "must be one of [ASC, DESC]");
    }
    return direction.toLowerCase(Locale.ROOT);
  }
}
