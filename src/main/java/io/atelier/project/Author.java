package io.atelier.project;

import io.atelier.security.Caller;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * Who created or last changed a project, folder or file: the token subject (beta's {@code
 * UserDto.id}), the display name and the email (null for API clients), as {@link Caller} gives
 * them.
 */
public record Author(String id, String name, String email) {

  public static Author of(Caller caller) {
    return new Author(caller.subject(), caller.name(), caller.email());
  }

  /** Reads the columns {@code <prefix>_id}, {@code <prefix>_name}, {@code <prefix>_email}. */
  public static Author read(ResultSet row, String prefix) throws SQLException {
    return new Author(
        row.getString(prefix + "_id"),
        row.getString(prefix + "_name"),
        row.getString(prefix + "_email"));
  }

  /** Now, at the precision the database keeps, so what is answered equals what is stored. */
  public static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  /** How timestamps are bound: with an explicit UTC offset, the same on H2 and PostgreSQL. */
  public static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  /**
   * The parameters {@code :created}, {@code :createdById}, {@code :createdByName}, {@code
   * :createdByEmail} and their {@code updated} counterparts: the audit columns of every stored
   * resource.
   */
  public static Map<String, Object> auditParameters(
      Instant created, Author createdBy, Instant updated, Author updatedBy) {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("created", utc(created));
    parameters.put("createdById", createdBy.id());
    parameters.put("createdByName", createdBy.name());
    parameters.put("createdByEmail", createdBy.email());
    parameters.put("updated", utc(updated));
    parameters.put("updatedById", updatedBy.id());
    parameters.put("updatedByName", updatedBy.name());
    parameters.put("updatedByEmail", updatedBy.email());
    return parameters;
  }

  public static Instant readInstant(ResultSet row, String column) throws SQLException {
    return row.getObject(column, OffsetDateTime.class).toInstant();
  }
}
