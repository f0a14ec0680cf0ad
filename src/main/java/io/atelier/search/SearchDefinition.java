package io.atelier.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one resource offers to search: the table, the columns read for each item, and the
 * allow-lists of filter and sort fields with the column each maps to. Only the names declared here
 * ever reach SQL; request text is always bound as a parameter.
 */
public final class SearchDefinition {

  /** A filterable field: its name in the contract, how its value is read, and its column. */
  record Field(String name, FieldKind kind, String column, Set<String> keywords) {}

  private final String table;
  private final String columns;
  private final Map<String, Field> filters;
  private final Map<String, String> sorts;
  private final List<String> defaultOrder;
  private final String key;

  private SearchDefinition(Builder builder) {
    this.table = builder.table;
    this.columns = builder.columns;
    this.filters = Collections.unmodifiableMap(new LinkedHashMap<>(builder.filters));
    this.sorts = Collections.unmodifiableMap(new LinkedHashMap<>(builder.sorts));
    this.defaultOrder = List.copyOf(builder.defaultOrder);
    this.key = builder.key;
  }

  /** Starts a definition reading {@code columns} from {@code table}. */
  public static Builder from(String table, String columns) {
    return new Builder(table, columns);
  }

  String table() {
    return table;
  }

  String columns() {
    return columns;
  }

  Map<String, Field> filters() {
    return filters;
  }

  Map<String, String> sorts() {
    return sorts;
  }

  List<String> defaultOrder() {
    return defaultOrder;
  }

  /** The table's unique key column, or null. */
  String key() {
    return key;
  }

  /** Declares fields one by one; the order of declaration is the order error messages list. */
  public static final class Builder {

    private final String table;
    private final String columns;
    private final Map<String, Field> filters = new LinkedHashMap<>();
    private final Map<String, String> sorts = new LinkedHashMap<>();
    private final List<String> defaultOrder = new ArrayList<>();
    private String key;

    private Builder(String table, String columns) {
      this.table = table;
      this.columns = columns;
    }

    public Builder text(String name, String column) {
      return field(name, FieldKind.TEXT, column, Set.of());
    }

    public Builder uuid(String name, String column) {
      return field(name, FieldKind.UUID, column, Set.of());
    }

    public Builder integer(String name, String column) {
      return field(name, FieldKind.INTEGER, column, Set.of());
    }

    public Builder bool(String name, String column) {
      return field(name, FieldKind.BOOLEAN, column, Set.of());
    }

    /** A field holding one of {@code values} as stored; filters match them in any case. */
    public Builder keyword(String name, String column, List<String> values) {
      return field(name, FieldKind.KEYWORD, column, new LinkedHashSet<>(values));
    }

    public Builder date(String name, String column) {
      return field(name, FieldKind.DATE, column, Set.of());
    }

    /**
     * A {@code UserDto} field stored in columns {@code <prefix>_id}, {@code <prefix>_name} and
     * {@code <prefix>_email}.
     */
    public Builder user(String name, String columnPrefix) {
      return field(name, FieldKind.USER, columnPrefix, Set.of());
    }

    /** Allows sorting by these already declared fields (users sort by name). */
    public Builder sortable(String... names) {
      for (String name : names) {
        Field field = filters.get(name);
        if (field == null) {
          throw new IllegalArgumentException("Sort field " + name + " is not a declared field");
        }
        sorts.put(name, field.kind() == FieldKind.USER ? field.column() + "_name" : field.column());
      }
      return this;
    }

    /**
     * Columns that order the results when no sort is requested (ascending) and break ties after a
     * requested sort (in the direction of its last key).
     */
    public Builder defaultOrder(String... columnNames) {
      defaultOrder.addAll(List.of(columnNames));
      return this;
    }

    /** Names the table's unique key column, which lets deep pages skip rows on an index alone. */
    public Builder key(String columnName) {
      key = columnName;
      return this;
    }

    public SearchDefinition build() {
      return new SearchDefinition(this);
    }

    private Builder field(String name, FieldKind kind, String column, Set<String> keywords) {
      filters.put(name, new Field(name, kind, column, keywords));
      return this;
    }
  }
}
